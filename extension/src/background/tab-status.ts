/**
 * What each tab's content script last reported, shown on the toolbar badge. Kept in session
 * storage (extension-only, cleared when the browser closes) because a Chromium service worker
 * loses its memory whenever it is stopped.
 */
import { worstSeverity } from '../shared/findings';
import type { PageStatus } from '../shared/messages';
import { sendToTab } from '../shared/messaging';

const key = (tabId: number): string => `tab:${tabId}`;
/** The origin whose content script reported the tab's status. */
const originKey = (tabId: number): string => `tab-origin:${tabId}`;

const UNPROTECTED_RED = '#d93025';
const FINDINGS_COLOURS = { low: '#5f6368', medium: '#b06000', high: '#c5221f', critical: '#a50e0e' } as const;

/** Records `status`, reported by a page of `origin`, for `tabId` and updates the tab's badge to match. */
export async function setTabStatus(tabId: number, origin: string, status: PageStatus): Promise<void> {
  await chrome.storage.session.set({ [key(tabId)]: status, [originKey(tabId)]: origin });
  if (status.state === 'unprotected') {
    await badge(tabId, '!', UNPROTECTED_RED, `Hush is NOT protecting this page: ${status.reason}`);
    return;
  }
  if (status.state === 'paused') {
    await badge(tabId, '', '#5f6368', 'Hush is paused on this site');
    return;
  }
  const worst = worstSeverity(status.findings);
  const count = status.findings.length;
  await badge(
    tabId,
    count ? String(count) : '',
    worst ? FINDINGS_COLOURS[worst] : '#188038',
    count ? `Hush: ${count} sensitive item${count === 1 ? '' : 's'} in the prompt` : 'Hush is guarding this page',
  );
}

/**
 * Asks every tab whose page Hush guards to scan its prompt box again: the engine changed (its
 * client dictionary or its detectors), so the same text may hold other findings.
 */
export async function rescanGuardedTabs(): Promise<void> {
  const tabIds = (await chrome.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  const stored = await chrome.storage.session.get(tabIds.map(key));
  const guarded = tabIds.filter((tabId) => (stored[key(tabId)] as PageStatus | undefined)?.state === 'guarded');
  // A tab that navigated since its last report may have no one listening: nothing to do there.
  await Promise.all(guarded.map((tabId) => sendToTab(tabId, { kind: 'rescan' }).catch(() => undefined)));
}

/** The last status reported for `tabId`. */
export async function tabStatus(tabId: number): Promise<PageStatus | null> {
  const stored = await chrome.storage.session.get(key(tabId));
  return (stored[key(tabId)] as PageStatus | undefined) ?? null;
}

/** Forgets a closed tab. */
export async function forgetTab(tabId: number): Promise<void> {
  await chrome.storage.session.remove([key(tabId), originKey(tabId)]);
}

/**
 * A tab went to `url`: a status reported by another origin no longer describes it. (Within one
 * origin a single-page app keeps its content script, whose next report is the truth.)
 */
export async function tabNavigated(tabId: number, url: string): Promise<void> {
  const reported = (await chrome.storage.session.get(originKey(tabId)))[originKey(tabId)];
  if (reported === undefined || reported === originOf(url)) return;
  await forgetTab(tabId);
  await badge(tabId, '', '#188038', 'Hush');
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

async function badge(tabId: number, text: string, colour: string, title: string): Promise<void> {
  await Promise.all([
    chrome.action.setBadgeText({ tabId, text }),
    chrome.action.setBadgeBackgroundColor({ tabId, color: colour }),
    chrome.action.setTitle({ tabId, title }),
  ]);
}
