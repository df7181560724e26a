/**
 * The content script: the eyes and hands of Hush in the page. It decides whether this page is
 * guarded and, if so, starts a PromptGuard. It never throws into the page and never compiles
 * wasm (see background/engine.ts for why).
 */
import { userSites } from '../shared/settings';
import { knownSite, userSite, type SiteProfile } from '../shared/sites';
import { PromptGuard } from './guard';
import { PerfProbe } from './perf-probe';

const scriptStart = performance.now();

async function siteProfile(): Promise<SiteProfile | undefined> {
  const known = knownSite(location.hostname);
  if (known) return known;
  return (await userSites()).includes(location.origin) ? userSite(location.origin) : undefined;
}

siteProfile()
  .then(async (site) => {
    if (!site) return;
    const probe = await PerfProbe.create();
    new PromptGuard(site, probe).start();
    probe?.started(scriptStart);
  })
  .catch((error: unknown) => console.debug('hush: not guarding this page', error));
