/**
 * The content script: the eyes and hands of Hush in the page. It finds the prompt box, sends its
 * text to the background for scanning on every change, and reports what it found. It never
 * throws into the page and never compiles wasm (see background/engine.ts for why).
 */
import type { PageStatus } from '../shared/messages';
import { send } from '../shared/messaging';
import { knownSite, userSite, type SiteProfile } from '../shared/sites';
import { userSites } from '../shared/settings';
import { PromptBoxLocator, readText } from './prompt-box';
import { ScanScheduler } from './scan-scheduler';

/** How long a guarded page may go without a prompt box before Hush says it is unprotected. */
const PROMPT_BOX_GRACE_MS = 5000;
/** How long a scan may take before the engine counts as not answering. */
const SCAN_TIMEOUT_MS = 3000;

async function siteProfile(): Promise<SiteProfile | undefined> {
  const known = knownSite(location.hostname);
  if (known) return known;
  return (await userSites()).includes(location.origin) ? userSite(location.origin) : undefined;
}

function report(status: PageStatus): void {
  send({ kind: 'page-status', status }).catch(() => undefined);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);
}

function guard(site: SiteProfile): void {
  const boxes = new PromptBoxLocator(site);

  const scanNow = async (): Promise<void> => {
    const box = boxes.current();
    if (!box) return;
    try {
      const result = await withTimeout(send({ kind: 'scan', text: readText(box) }), SCAN_TIMEOUT_MS);
      report(result.ok ? { state: 'guarded', findings: result.findings } : { state: 'unprotected', reason: 'engine-unavailable', detail: result.error });
    } catch (error) {
      report({ state: 'unprotected', reason: 'engine-unavailable', detail: String(error) });
    }
  };
  const scheduler = new ScanScheduler(scanNow, (cb) => requestAnimationFrame(cb));

  // Capture phase on window: we see the input before the page's own handlers can stop it.
  window.addEventListener('input', (event) => {
    if (boxes.boxOf(event)) scheduler.request();
  }, { capture: true });

  const checkForBox = (): void => {
    if (boxes.current()) scheduler.request();
    else report({ state: 'unprotected', reason: 'no-prompt-box' });
  };
  const startWatching = (): void => void setTimeout(checkForBox, PROMPT_BOX_GRACE_MS);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startWatching, { once: true });
  else startWatching();
  // Report "guarded" as soon as the box appears, not only after the grace period.
  const boxAppeared = (): boolean => {
    if (!boxes.current()) return false;
    scheduler.request();
    return true;
  };
  if (!boxAppeared()) {
    const observer = new MutationObserver(() => {
      if (boxAppeared()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }
}

siteProfile()
  .then((site) => {
    if (site) guard(site);
  })
  .catch((error: unknown) => console.debug('hush: not guarding this page', error));
