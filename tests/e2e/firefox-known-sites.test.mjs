// The chat sites Hush knows are guarded out of the box in Firefox ESR too, each with its own
// prompt-box selector. Firefox resolves every host name to 127.0.0.1, where the test pages built
// with the same editor library as each site stand in for it, served over HTTPS as the sites are
// (with a throwaway certificate that WebDriver has Firefox accept); no site is added by the user.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages } from './lib/server.mjs';
import { launchFirefox, pageStatus } from './lib/firefox.mjs';
import { poll } from './lib/overlay.mjs';
import { KNOWN_SITE_STAND_INS } from './lib/known-sites.mjs';

const TEXT = 'Send the contract to maria.rossi@example.it today';

let server;
let browser;

before(async () => {
  server = await servePages(undefined, { https: true });
  browser = await launchFirefox({ prefs: { 'network.dns.forceResolve': '127.0.0.1' }, acceptInsecureCerts: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens `url` in a new tab (as the Chromium test does: the background keeps a status per tab),
 * types TEXT into its prompt box, runs `check(url as Firefox has it)`, and closes the tab.
 */
async function inNewTab(url, check) {
  const { driver } = browser;
  const first = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  try {
    await driver.get(url);
    await poll(() => driver.executeScript('return window.hushTestEditor !== undefined;'), Boolean);
    await driver.executeScript('window.hushTestEditor.focus();');
    await driver.actions().sendKeys(TEXT).perform();
    await check(await driver.getCurrentUrl());
  } finally {
    await driver.close();
    await driver.switchTo().window(first);
  }
}

for (const { host, page } of KNOWN_SITE_STAND_INS) {
  test(`${host} is guarded without being added`, () =>
    inNewTab(`https://${host}:${server.port}/${page}`, async (url) => {
      const status = await pageStatus(browser, url, (s) => s.findings?.length === 1);
      assert.equal(status.state, 'guarded');
      assert.deepEqual(
        status.findings.map((f) => f.kind),
        ['EMAIL'],
      );
      assert.equal(status.badge, '1');
    }));
}

test('a site Hush does not know is left alone until the user adds it', () =>
  inNewTab(`${server.origin}/textarea.html`, async (url) => {
    const status = await pageStatus(browser, url, (s) => s.state !== undefined, 1500);
    assert.equal(status.state, undefined, 'no status: the content script stays idle');
    assert.equal(status.badge, '');
  }));

test('the pages saw no error', () => {
  assert.deepEqual(browser.problems, []);
});
