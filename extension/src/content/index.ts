/**
 * The content script: the eyes and hands of Hush in the page. It decides whether this page is
 * guarded and, if so, starts a PromptGuard; it reads the chatbot's answers when the restore view
 * asks. It never throws into the page and never compiles wasm (see background/engine.ts for why).
 */
import { serveTab } from '../shared/messaging';
import { guardedSite, isPaused, onSitesChanged } from '../shared/settings';
import type { SiteProfile } from '../shared/sites';
import { readAnswers } from './answer-reader';
import { PromptGuard } from './guard';
import { PerfProbe } from './perf-probe';

const scriptStart = performance.now();
let guard: PromptGuard | undefined;

/** The site's profile when Hush guards this page now: a known or added site, not paused. */
async function siteProfile(): Promise<SiteProfile | undefined> {
  const site = await guardedSite(new URL(location.href));
  return site && !(await isPaused(site)) ? site : undefined;
}

/** Starts guarding once the page is guarded and not paused; stops when it is paused or dropped. */
async function guardIfWanted(): Promise<void> {
  const site = await siteProfile();
  if (!site) {
    guard?.stop();
    guard = undefined;
    return;
  }
  if (guard) return;
  const probe = await PerfProbe.create();
  guard = new PromptGuard(site, probe);
  guard.start();
  probe?.started(scriptStart);
}

// Checks run one after another, so two quick setting changes never start two guards.
let checked = Promise.resolve();
function check(): void {
  checked = checked.then(guardIfWanted).catch((error: unknown) => console.debug('hush: not guarding this page', error));
}
check();
onSitesChanged(check);

// Answers are read also while the site is paused: the placeholders made before still stand.
serveTab({
  'read-answers': async () => {
    const site = await guardedSite(new URL(location.href));
    return site ? { guarded: true, answers: readAnswers(site.answers) } : { guarded: false };
  },
  rescan: () => {
    guard?.rescan();
    return null;
  },
});
