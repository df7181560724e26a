// Firefox ESR with the built extension as a temporary add-on, driven by geckodriver through
// selenium-webdriver (see shared/TOOLCHAIN.md). HOME points at a throwaway folder so the native
// host manifest can be registered where Firefox looks ($HOME/.mozilla/native-messaging-hosts),
// and HUSH_DB puts the host's database there too.
import { Builder, By } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { overlayInShadowRoot, poll } from './overlay.mjs';
import { HOST_BINARY } from './native-host.mjs';

export const FIREFOX_DIST = fileURLToPath(new URL('../../../extension/dist/firefox', import.meta.url));
export const GECKO_ID = 'hush@hush-guard.org';
/** A fixed internal UUID, so the test knows the moz-extension:// origin of Hush's pages. */
export const EXTENSION_UUID = '5d1c8a0e-4b7a-4a8e-9a51-1c0ffee0b0b5';
const GECKODRIVER = process.env.HUSH_GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver');
const EXECUTABLE = process.env.HUSH_FIREFOX ?? '/usr/bin/firefox-esr';
/** How WebDriver spells a shadow root reference in a script argument (W3C WebDriver). */
const SHADOW_ROOT_KEY = 'shadow-6066-11e4-a52e-4f735466cecf';
const execFileAsync = promisify(execFile);

/**
 * Launches headless Firefox ESR with Hush installed from `extensionDir` (a folder, or an .xpi with
 * `temporary: false` for a regular install), plus the preferences `prefs`; with
 * `acceptInsecureCerts`, WebDriver has Firefox accept the test server's throwaway certificate.
 * Resolves with `{ driver, home, problems, close }`: `problems` collects every uncaught page error
 * and console error (WebDriver BiDi's log events, from any tab) as it happens.
 *
 * geckodriver runs with `--allow-system-access`: without it Marionette refuses to navigate to
 * Hush's own moz-extension:// pages (seen with Firefox ESR 153, geckodriver 0.37), and those pages
 * are where a test talks to the extension's APIs. It changes nothing in the extension or the page.
 */
export async function launchFirefox({ extensionDir = FIREFOX_DIST, temporary = true, home, prefs = {}, acceptInsecureCerts = false } = {}) {
  const profileHome = home ?? mkdtempSync(join(tmpdir(), 'hush-firefox-home-'));
  const options = new firefox.Options()
    .setBinary(EXECUTABLE)
    .addArguments('-headless')
    .enableBidi()
    .windowSize({ width: 1100, height: 760 })
    .setPreference('extensions.webextensions.uuids', JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }))
    // Lets a test page fill the clipboard without a user gesture; the paste itself stays a real Ctrl+V.
    .setPreference('dom.events.testing.asyncClipboard', true)
    .setPreference('datareporting.policy.dataSubmissionEnabled', false)
    .setPreference('app.update.enabled', false)
    .setPreference('browser.shell.checkDefaultBrowser', false)
    .setAcceptInsecureCerts(acceptInsecureCerts);
  for (const [name, value] of Object.entries(prefs)) options.setPreference(name, value);
  const service = new firefox.ServiceBuilder(GECKODRIVER)
    .addArguments('--allow-system-access')
    .setEnvironment({ ...process.env, HOME: profileHome, HUSH_DB: join(profileHome, 'hush.db'), MOZ_HEADLESS: '1' });
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  const problems = [];
  const logs = await LogInspector(driver);
  await logs.onJavascriptException((entry) => problems.push(`page error: ${entry.text}`));
  await logs.onConsoleEntry((entry) => {
    if (entry.level === 'error') problems.push(`console error: ${entry.text}`);
  });
  await driver.installAddon(extensionDir, temporary);
  return {
    driver,
    home: profileHome,
    problems,
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

/**
 * Runs `fn(arg)` on one of Hush's own pages (its options page, opened once in a window of its own
 * and kept), where the extension's APIs are at hand, and resolves with its result. The window
 * that was current before is current again afterwards.
 */
export async function inExtension(browser, fn, arg) {
  const { driver } = browser;
  const previous = await driver.getWindowHandle();
  if (browser.extensionWindow === undefined) {
    await driver.switchTo().newWindow('window');
    await driver.get(extensionPage('options.html'));
    browser.extensionWindow = await driver.getWindowHandle();
  } else {
    await driver.switchTo().window(browser.extensionWindow);
  }
  try {
    return await driver.executeScript(`return (${fn})(arguments[0]);`, arg);
  } finally {
    await driver.switchTo().window(previous);
  }
}

/** Makes the extension guard `origin`, as a user does on the options page. */
export function guardOrigin(browser, origin) {
  return inExtension(browser, (o) => chrome.storage.local.set({ userSites: [o] }), origin);
}

/**
 * What the content script last reported for the tab showing `url` (kept by the background in
 * session storage), plus the toolbar badge text. Polls until `until(status)` holds or the
 * deadline passes. Tabs are found by their exact URL: Firefox's match patterns take no port.
 */
export function pageStatus(browser, url, until = () => true, timeoutMs = 10_000) {
  const read = () =>
    inExtension(
      browser,
      async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        if (tab?.id === undefined) return null;
        const key = `tab:${tab.id}`;
        const stored = (await chrome.storage.session.get(key))[key] ?? null;
        return { ...stored, badge: await chrome.action.getBadgeText({ tabId: tab.id }) };
      },
      url,
    );
  return poll(read, (status) => status !== null && until(status), timeoutMs);
}

/**
 * What Hush draws over the current page (see overlayInShadowRoot in overlay.mjs). WebDriver's Get
 * Element Shadow Root hands the automation closed shadow roots too (the page's own scripts still
 * see `shadowRoot === null`), and the root goes into the reading script as an argument.
 */
export async function readOverlay(driver) {
  const [host] = await driver.findElements(By.css('hush-guard'));
  if (!host) return overlayInShadowRoot(null);
  const root = await host.getShadowRoot();
  return driver.executeScript(`return (${overlayInShadowRoot})(arguments[0]);`, { [SHADOW_ROOT_KEY]: await root.getId() });
}

/**
 * Registers the real host binary for Firefox in the home folder `home`, as a user does with
 * `hush-host install --browser firefox`; resolves with what the command printed.
 */
export async function registerHost(home) {
  const { stdout } = await execFileAsync(HOST_BINARY, ['install', '--browser', 'firefox'], { env: { ...process.env, HOME: home } });
  return stdout;
}

/**
 * The text of `selector` on one of Hush's own pages, opened in the current tab afresh on every try
 * (as a user reopens the popup) until `until(text)` holds; resolves with the last text read.
 */
export function extensionPageText(browser, path, selector, until = (text) => text !== '', timeoutMs = 10_000) {
  const read = async () => {
    await browser.driver.get(extensionPage(path));
    return browser.driver.executeScript('return document.querySelector(arguments[0])?.textContent ?? "";', selector);
  };
  return poll(read, until, timeoutMs);
}
