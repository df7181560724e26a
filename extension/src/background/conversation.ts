/**
 * Placeholders stay the same within a conversation: one tab on one chat thread (its URL without
 * query or fragment), so "[EMAIL_1]" means the same address all along a thread.
 */

/** The conversation of the page `url` in tab `tabId`. */
export function conversationIn(tabId: number | undefined, url: string | undefined): string {
  const { origin, pathname } = new URL(url ?? 'about:blank');
  return `${tabId ?? 'none'}:${origin}${pathname}`;
}

/** The conversation of the tab that sent a message. */
export function conversationOf(sender: chrome.runtime.MessageSender): string {
  return conversationIn(sender.tab?.id, sender.tab?.url ?? sender.url);
}

/** Whether `conversation` took place in tab `tabId`. */
export function inTab(conversation: string, tabId: number): boolean {
  return conversation.startsWith(`${tabId}:`);
}
