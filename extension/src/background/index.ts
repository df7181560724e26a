/**
 * The background: owns the wasm engine and answers the content scripts and the popup.
 * On Chromium it is a service worker (it may stop at any time and restart on the next message),
 * on Firefox an event page; nothing here relies on staying alive.
 */
import { serve } from '../shared/messaging';
import { engine, scan } from './engine';
import { connectHost } from './host';
import { forgetTab, setTabStatus, tabStatus } from './tab-status';

serve({
  scan: async ({ text }) => {
    try {
      return { ok: true, findings: await scan(text) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  },
  'page-status': async ({ status }, sender) => {
    if (sender.tab?.id !== undefined) await setTabStatus(sender.tab.id, status);
    return null;
  },
  'tab-status': ({ tabId }) => tabStatus(tabId),
});

chrome.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

// Start compiling the engine now, so the first keystroke does not wait for it.
engine().catch((error: unknown) => console.error('hush: the detection engine failed to load', error));
connectHost();
