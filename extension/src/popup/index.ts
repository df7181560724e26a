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
import type { SiteProfile } from '../shared/sites';

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

/** The current tab's guarded site, if any. */
async function currentSite(): Promise<SiteProfile | undefined> {
  const { url } = await currentTab();
  return url && guardedSite(url);
}

async function siteView(tab: { id: number | undefined; url: URL | undefined }): Promise<SiteView> {
  const [site, status] = await Promise.all([
    tab.url && guardedSite(tab.url),
    tab.id === undefined ? null : send({ kind: 'tab-status', tabId: tab.id }),
  ]);
  if (!site) return { guarded: false, paused: false, status };
  const [paused, mode] = await Promise.all([isPaused(site), modeInEffect(site)]);
  return { guarded: true, paused, status, mode };
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
  void currentSite().then((site) => site && setPaused(site, ui.pause.checked));
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
