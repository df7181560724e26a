// The riskiest path, proven from day one: the built extension loads in headless Chromium, the wasm
// engine instantiates in its background, and on a strict-CSP page the content script sends what
// is typed to the background and gets the email address back as a finding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages, STRICT_CSP } from './lib/server.mjs';
import { assertEmailFound, SMOKE_TEXT } from './lib/smoke.mjs';
import { CHROMIUM_DIST, guardOrigin, launchChromium, pageStatus } from './lib/chromium.mjs';

let server;
before(async () => (server = await servePages()));
after(() => server.close());

/** Opens the textarea page in a browser with `extensionDir`, types SMOKE_TEXT, and returns the status. */
async function typeIntoTextarea(extensionDir, until) {
  const browser = await launchChromium({ extensionDir });
  try {
    await guardOrigin(browser.worker, server.origin);
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    const response = await page.goto(`${server.origin}/textarea.html`);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    await page.click('#prompt');
    await page.keyboard.type(SMOKE_TEXT);
    const status = await pageStatus(browser.worker, page, until);
    assert.deepEqual(errors, [], 'the page saw no error');
    return status;
  } finally {
    await browser.close();
  }
}

test('the content script gets the email address back as a finding from the wasm engine', async () => {
  const status = await typeIntoTextarea(CHROMIUM_DIST, (s) => s.findings?.length > 0);
  assertEmailFound(status);
});
