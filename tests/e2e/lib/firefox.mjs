// Firefox ESR with the built extension as a temporary add-on, driven by geckodriver through
// selenium-webdriver (see shared/TOOLCHAIN.md). HOME points at a throwaway folder so the native
// host manifest can be registered where Firefox looks ($HOME/.mozilla/native-messaging-hosts).
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIREFOX_DIST = fileURLToPath(new URL('../../../extension/dist/firefox', import.meta.url));
export const GECKO_ID = 'hush@hush-guard.org';
/** A fixed internal UUID, so the test knows the moz-extension:// origin of Hush's pages. */
export const EXTENSION_UUID = '5d1c8a0e-4b7a-4a8e-9a51-1c0ffee0b0b5';
const GECKODRIVER = process.env.HUSH_GECKODRIVER ?? join(homedir(), '.cargo', 'bin', 'geckodriver');

/** Launches headless Firefox ESR with Hush installed; resolves with `{ driver, home, close }`. */
export async function launchFirefox({ extensionDir = FIREFOX_DIST, home } = {}) {
  const profileHome = home ?? mkdtempSync(join(tmpdir(), 'hush-firefox-home-'));
  const options = new firefox.Options()
    .setBinary('/usr/bin/firefox-esr')
    .addArguments('-headless')
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }))
    .setPreference('datareporting.policy.dataSubmissionEnabled', false)
    .setPreference('app.update.enabled', false)
    .setPreference('browser.shell.checkDefaultBrowser', false);
  const service = new firefox.ServiceBuilder(GECKODRIVER).setEnvironment({ ...process.env, HOME: profileHome, MOZ_HEADLESS: '1' });
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.installAddon(extensionDir, true);
  return {
    driver,
    home: profileHome,
    close: async () => {
      await driver.quit();
      if (!home) rmSync(profileHome, { recursive: true, force: true });
    },
  };
}

/** The URL of one of Hush's own pages (where the extension APIs can be used from a test). */
export function extensionPage(path) {
  return `moz-extension://${EXTENSION_UUID}/${path}`;
}
