// The chat sites Hush knows are guarded out of the box, each with its own prompt-box selector.
// Chromium resolves their host names to 127.0.0.1, where the test pages built with the same
// editor library as each site stand in for it, served over HTTPS as the sites are (with a
// throwaway certificate Chromium is told to accept); no site is added by the user. DeepSeek's
// send control, a div around an arrow icon, is guarded like a button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages } from './lib/server.mjs';
import { launchChromium, pageStatus } from './lib/chromium.mjs';
import { KNOWN_SITE_STAND_INS } from './lib/known-sites.mjs';
import { waitForOverlay } from './lib/overlay.mjs';

let server;
let browser;

before(async () => {
  server = await servePages(undefined, { https: true });
  const rules = KNOWN_SITE_STAND_INS.map(({ host }) => `MAP ${host} 127.0.0.1`).join(', ');
  browser = await launchChromium({ args: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const { host, page: pageFile } of KNOWN_SITE_STAND_INS) {
  test(`${host} is guarded without being added`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`https://${host}:${server.port}/${pageFile}`);
      await page.waitForFunction(() => window.hushTestEditor !== undefined);
      await page.evaluate(() => window.hushTestEditor.focus());
      await page.keyboard.type('Send the contract to maria.rossi@example.it today');
      const status = await pageStatus(browser.worker, page, (s) => s.findings?.length === 1);
      assert.equal(status.state, 'guarded');
      assert.deepEqual(
        status.findings.map((f) => f.kind),
        ['EMAIL'],
      );
      assert.equal(status.badge, '1');
    } finally {
      await page.close();
    }
  });
}

test('on chat.deepseek.com a click on the send icon (a div, not a button) waits for the user', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`https://chat.deepseek.com:${server.port}/react-textarea.html`);
    await page.waitForFunction(() => window.hushTestEditor !== undefined);
    await page.evaluate(() => window.hushTestEditor.focus());
    await page.keyboard.type('Send the contract to maria.rossi@example.it today');
    await waitForOverlay(page, (o) => o.marks.length === 1);
    await page.click('.icon-send');
    const asked = await waitForOverlay(page, (o) => o.send !== undefined);
    assert.match(asked.send?.text ?? '', /^Send with 1 sensitive item: Email address\?/);
    await page.keyboard.press('Escape');
    await waitForOverlay(page, (o) => o.send === undefined);
    assert.deepEqual(await page.evaluate(() => [...window.hushTestSent]), [], 'nothing was sent');
  } finally {
    await page.close();
  }
});

test('a site Hush does not know is left alone until the user adds it', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${server.origin}/textarea.html`);
    await page.click('#prompt');
    await page.keyboard.type('Send the contract to maria.rossi@example.it today');
    const status = await pageStatus(browser.worker, page, (s) => s.state !== undefined, 1500);
    assert.equal(status.state, undefined, 'no status: the content script stays idle');
    assert.equal(status.badge, '');
  } finally {
    await page.close();
  }
});
