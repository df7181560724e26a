/**
 * The restore view: a chat tab's answers with the placeholders Hush made turned back into the real
 * values, in a page the extension owns (Chromium's side panel, Firefox's sidebar, or a tab opened
 * as restore.html?tab=<id>). The page the answers come from never sees the values.
 *
 * In the side panel or sidebar it follows the window's active tab; with `?tab=` it stays on that
 * tab. It refreshes while visible, so a new answer shows up as the chatbot finishes it.
 */
import { elementById } from '../shared/dom';
import { send } from '../shared/messaging';
import { AnswerList } from './answer-list';
import { describeResult, type Tone } from './describe';

/** How often the view asks again while it is visible. */
const REFRESH_MS = 1500;

const ui = {
  tab: elementById('tab', HTMLElement),
  status: elementById('status', HTMLElement),
  answers: elementById('answers', HTMLOListElement),
};
const answers = new AnswerList(ui.answers);
const fixedTab = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);

/** Sets the status line, leaving it alone when unchanged (a screen reader reads a changed one out). */
function showStatus(text: string, tone: Tone): void {
  if (ui.status.textContent !== text) ui.status.textContent = text;
  ui.status.dataset['tone'] = tone;
}

/** The chat tab this view shows: the one it was opened for, or the active tab of its window. */
async function chatTab(): Promise<chrome.tabs.Tab | undefined> {
  if (Number.isInteger(fixedTab)) return chrome.tabs.get(fixedTab).catch(() => undefined);
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  return active;
}

async function refresh(): Promise<void> {
  const tab = await chatTab();
  const where = tab?.url ? `${tab.title ?? ''} — ${new URL(tab.url).host}` : '';
  if (ui.tab.textContent !== where) ui.tab.textContent = where;
  const result = tab?.id === undefined ? { ok: false as const, problem: 'tab-closed' as const } : await send({ kind: 'restore-answers', tabId: tab.id });
  const { text, tone } = describeResult(result);
  showStatus(text, tone);
  answers.show(result?.ok ? result.answers : []);
}

// One refresh at a time, so an older answer never overwrites a newer one; while one runs, the
// next tick or tab switch asks again.
let refreshing = false;
function refreshSoon(): void {
  if (refreshing) return;
  refreshing = true;
  refresh()
    .catch((error: unknown) => showStatus(`Hush could not read the answers: ${String(error)}`, 'bad'))
    .finally(() => (refreshing = false));
}

setInterval(() => {
  if (document.visibilityState === 'visible') refreshSoon();
}, REFRESH_MS);
document.addEventListener('visibilitychange', refreshSoon);
chrome.tabs.onActivated.addListener(refreshSoon);
refreshSoon();
