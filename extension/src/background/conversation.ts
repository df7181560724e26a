/**
 * Placeholders stay the same within a conversation: one chat site in one tab, so "[EMAIL_1]" means
 * the same address all along a thread, and still after the site moves a new chat from its start
 * page to the thread's own address on the first send (ChatGPT goes from `/` to `/c/<id>`).
 */

/** The conversation of the page `url` in tab `tabId`. */
export function conversationIn(tabId: number | undefined, url: string | undefined): string {
  return `${tabId ?? 'none'}:${new URL(url ?? 'about:blank').origin}`;
}

/** The conversation of the tab that sent a message. */
export function conversationOf(sender: chrome.runtime.MessageSender): string {
  return conversationIn(sender.tab?.id, sender.tab?.url ?? sender.url);
}

/** Whether `conversation` took place in tab `tabId`. */
export function inTab(conversation: string, tabId: number): boolean {
  return conversation.startsWith(`${tabId}:`);
}
