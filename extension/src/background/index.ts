/**
 * The background: owns the wasm engine and answers the content scripts and the popup.
 * On Chromium it is a service worker (it may stop at any time and restart on the next message),
 * on Firefox an event page; nothing here relies on staying alive.
 */
import { serve } from '../shared/messaging';
import { onDetectorsChanged } from '../shared/settings';
import { allowValue, applyDisabledDetectors, detectors, engine, forgetConversations, redact, scan } from './engine';
import { conversationOf, inTab } from './conversation';
import { forwardHostRequest, recordAuditEvent, startHost } from './host';
import { restoreAnswers } from './restore';
import { forgetTab, setTabStatus, tabNavigated, tabStatus } from './tab-status';

/** An error as the content script is told it: a message, never a stack. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The origin of the page (or frame) that sent a message. */
function originOf(sender: chrome.runtime.MessageSender): string {
  return new URL(sender.url ?? sender.tab?.url ?? 'about:blank').origin;
}

/** Whether a message comes from one of Hush's own pages (popup, options, restore view), not from a web page. */
function fromOwnPage(sender: chrome.runtime.MessageSender): boolean {
  return sender.id === chrome.runtime.id && (sender.url ?? '').startsWith(chrome.runtime.getURL(''));
}

serve({
  scan: async ({ text }) => {
    try {
      return { ok: true, findings: await scan(text) };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  },
  redact: async ({ text, spans }, sender) => {
    try {
      return { ok: true, ...(await redact(conversationOf(sender), text, spans)) };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  },
  detectors: async () => {
    try {
      return { ok: true, detectors: await detectors() };
    } catch (error) {
      return { ok: false, error: describe(error) };
    }
  },
  'allow-value': async ({ value }) => {
    await allowValue(value);
    return null;
  },
  'page-status': async ({ status }, sender) => {
    if (sender.tab?.id !== undefined) await setTabStatus(sender.tab.id, originOf(sender), status);
    return null;
  },
  audit: async ({ action, findings }, sender) => {
    await recordAuditEvent({
      event_id: crypto.randomUUID(),
      at: new Date().toISOString(),
      site: originOf(sender),
      action,
      findings: findings.map(({ kind, rule, value }) => ({ kind, rule_id: rule, value })),
    });
    return null;
  },
  'host-request': ({ type, body }, sender) => {
    if (!fromOwnPage(sender)) return { ok: false, error: 'Only Hush\'s own pages can talk to the native host.' };
    return forwardHostRequest(type, body);
  },
  'tab-status': ({ tabId }) => tabStatus(tabId),
  // The real values go to Hush's own pages only: a content script asking is a web page asking.
  'restore-answers': ({ tabId }, sender) =>
    fromOwnPage(sender) ? restoreAnswers(tabId) : { ok: false, problem: 'not-allowed' },
  'perf-samples': async ({ samples }) => {
    for (const metric of new Set(samples.map((s) => s.metric))) {
      const key = `perf:${metric}`;
      const stored: unknown = (await chrome.storage.session.get(key))[key];
      const added = samples.filter((s) => s.metric === metric).map((s) => s.ms);
      await chrome.storage.session.set({ [key]: [...(Array.isArray(stored) ? stored : []), ...added] });
    }
    return null;
  },
});

chrome.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetConversations((conversation) => inTab(conversation, tabId));
});
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.url !== undefined) void tabNavigated(tabId, change.url);
});
onDetectorsChanged(() => void applyDisabledDetectors());

// Start compiling the engine now, so the first keystroke does not wait for it.
engine().catch((error: unknown) => console.error('hush: the detection engine failed to load', error));
startHost();
