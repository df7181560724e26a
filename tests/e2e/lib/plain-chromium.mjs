// Headless Chromium WITHOUT the extension, driven by playwright-core: for tests of the test pages
// themselves (see shared/TOOLCHAIN.md for the flags; chromium.mjs is the one with Hush loaded).
import { chromium } from 'playwright-core';
import { CHROMIUM_EXECUTABLE, QUIET_CHROMIUM_ARGS } from './chromium.mjs';

/** Launches a plain headless Chromium; resolves with playwright's Browser (close it when done). */
export function launchPlainChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    // Playwright's `headless: true` would add the old --headless; ask for the new one ourselves.
    headless: false,
    args: ['--headless=new', ...QUIET_CHROMIUM_ARGS],
  });
}
