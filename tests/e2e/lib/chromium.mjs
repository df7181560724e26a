// Chromium with the built extension, driven by playwright-core (see shared/TOOLCHAIN.md).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_DIST = fileURLToPath(new URL('../../../extension/dist/chromium', import.meta.url));
/** Where Hush's own pages live in Chromium: the id follows from the manifest's `key` (manifests/chromium.json). */
export const EXTENSION_ORIGIN = 'chrome-extension://dckamhmmndbcfolfhmpkfdoiomjlilia';
/** The Chromium the tests drive: Debian's, never a downloaded one. */
export const CHROMIUM_EXECUTABLE = process.env.HUSH_CHROMIUM ?? '/usr/bin/chromium';
/** Flags that keep a headless test Chromium quiet on a machine without internet (shared/TOOLCHAIN.md). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium with the extension at `extensionDir` in the profile `profileDir` (a fresh
 * temporary one by default), adding `args` to its command line and `env` to its environment (which
 * the native host it starts inherits). Resolves with `{ context, worker, close }`, `worker` being
 * the extension's service worker.
 */
export async function launchChromium({ extensionDir = CHROMIUM_DIST, profileDir, headless = true, args = [], env = {} } = {}) {
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'hush-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1100, height: 760 },
    env: { ...process.env, ...env },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--load-extension=${extensionDir}`,
      `--disable-extensions-except=${extensionDir}`,
      ...QUIET_CHROMIUM_ARGS,
      '--disable-quic',
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    close: async () => {
      await context.close();
      if (!profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Makes the extension guard `origin`, as a user does on the options page. */
export async function guardOrigin(worker, origin) {
  await worker.evaluate((o) => chrome.storage.local.set({ userSites: [o] }), origin);
}

/** The tab id of `page`, asked of the extension. */
export async function tabIdOf(worker, page) {
  return worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
}

/**
 * What the content script last reported for `page` (kept by the background in session storage),
 * plus the toolbar badge text. Polls until `until(status)` holds or the deadline passes.
 */
export async function pageStatus(worker, page, until = () => true, timeoutMs = 10_000) {
  const tabId = await tabIdOf(worker, page);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await worker.evaluate(async (id) => {
      const key = `tab:${id}`;
      const stored = (await chrome.storage.session.get(key))[key] ?? null;
      return { ...stored, badge: await chrome.action.getBadgeText({ tabId: id }) };
    }, tabId);
    if (until(status) || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
