/**
 * The restore view's data: a chat tab's answers with the placeholders Hush made turned back into
 * the real values. The tab's content script reads the answers as the page shows them (placeholders
 * only); the values are put back here, with the engine's mapping for that tab's conversation, and
 * go only to the Hush page that asked, never to the content script or the page.
 */
import type { RestoreAnswersResult } from '../shared/messages';
import { sendToTab } from '../shared/messaging';
import { restoresAnything } from '../shared/placeholders';
import { conversationIn } from './conversation';
import { restore } from './engine';

/** The answers in tab `tabId` that mention placeholders Hush made there, restored, oldest first. */
export async function restoreAnswers(tabId: number): Promise<RestoreAnswersResult> {
  let tab: chrome.tabs.Tab;
  try {
    tab = await chrome.tabs.get(tabId);
  } catch {
    return { ok: false, problem: 'tab-closed' };
  }
  // No answer means no content script here: a browser page, or a tab loaded before Hush was.
  const read = await sendToTab(tabId, { kind: 'read-answers' }).catch(() => null);
  if (read === null) return { ok: false, problem: 'unreadable' };
  if (!read.guarded) return { ok: false, problem: 'not-guarded' };
  const conversation = conversationIn(tabId, tab.url);
  try {
    const restored = await Promise.all(read.answers.map((text) => restore(conversation, text)));
    return { ok: true, answers: restored.filter(restoresAnything).map((pieces) => ({ pieces })) };
  } catch (error) {
    return { ok: false, problem: 'engine-unavailable', detail: error instanceof Error ? error.message : String(error) };
  }
}
