/** The toolbar popup: what Hush is doing on the current tab, the active client, pause, settings. */
import { elementById, make } from '../shared/dom';
import { hostState } from '../shared/host-state';
import { send } from '../shared/messaging';
import { guardedSite, isPaused, modeInEffect, onSitesChanged, setPaused } from '../shared/settings';
import { ClientPicker } from './client-picker';
import { describeHost } from '../shared/host-line';
import { describeMode, describeSite, findingLines, type SiteView } from './page-status';
import { platform } from 'hush-platform';
import type { RestoreViewTarget } from '../shared/platform';

const ui = {
  status: elementById('status', HTMLElement),
  findings: elementById('findings', HTMLUListElement),
  mode: elementById('mode', HTMLElement),
  pauseRow: elementById('pause-row', HTMLElement),
  pause: elementById('pause', HTMLInputElement),
  host: elementById('host', HTMLElement),
  readAnswers: elementById('read-answers', HTMLButtonElement),
};
const picker = new ClientPicker({
  select: elementById('client', HTMLSelectElement),
  note: elementById('client-note', HTMLElement),
});

/** The current tab's id, window and web address (none for browser pages Hush cannot see). */
async function currentTab(): Promise<{ id: number | undefined; windowId: number | undefined; url: URL | undefined }> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, windowId: tab?.windowId, url: tab?.url?.startsWith('http') ? new URL(tab.url) : undefined };
}

/** The guarded tab the restore view would open for, known before a click (which must not wait). */
let answersTab: RestoreViewTarget | undefined;

async function siteView(tab: { id: number | undefined; url: URL | undefined }): Promise<SiteView> {
  if (!tab.url) return { guarded: false, paused: false, status: null };
  const [site, paused, status] = await Promise.all([
    guardedSite(tab.url),
    isPaused(tab.url.origin),
    tab.id === undefined ? null : send({ kind: 'tab-status', tabId: tab.id }),
  ]);
  const mode = site && (await modeInEffect(site, tab.url.origin));
  return { guarded: site !== undefined, paused, status, ...(mode && { mode }) };
}

async function showSite(): Promise<void> {
  const tab = await currentTab();
  const view = await siteView(tab);
  answersTab = view.guarded && tab.id !== undefined && tab.windowId !== undefined ? { id: tab.id, windowId: tab.windowId } : undefined;
  ui.readAnswers.hidden = answersTab === undefined;
  const { text, tone } = describeSite(view);
  ui.status.textContent = text;
  ui.status.dataset['tone'] = tone;
  ui.findings.replaceChildren(
    ...findingLines(view).map((label) => make('li', { textContent: label })),
  );
  ui.mode.textContent = describeMode(view);
  ui.pauseRow.hidden = !view.guarded;
  ui.pause.checked = view.paused;
}

async function showHost(): Promise<void> {
  const host = await hostState();
  ui.host.textContent = describeHost(host);
  await picker.show(host);
}

ui.pause.addEventListener('change', () => {
  void currentTab().then(({ url }) => url && setPaused(url.origin, ui.pause.checked));
});
elementById('open-options', HTMLButtonElement).addEventListener('click', () => void chrome.runtime.openOptionsPage());
ui.readAnswers.addEventListener('click', () => {
  if (!answersTab) return;
  const { id } = answersTab;
  // Where the browser refuses the panel, the view opens in a tab of its own.
  void platform
    .openRestoreView(answersTab)
    .catch(() => chrome.tabs.create({ url: chrome.runtime.getURL(`restore.html?tab=${id}`) }))
    .then(() => window.close());
});

// Stay current while open: the host connects, the tab reports new findings, a site is paused.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'session') return;
  if ('host' in changes) void showHost();
  if (Object.keys(changes).some((key) => key.startsWith('tab:'))) void showSite();
});
onSitesChanged(() => void showSite());
void showSite();
void showHost();
