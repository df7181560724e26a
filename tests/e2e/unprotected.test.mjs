// Never silently unprotected: when the engine cannot answer or the prompt box cannot be found on
// a guarded site, the toolbar badge and the badge by the field say so in red. Each is proven by
// breaking it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePages } from './lib/server.mjs';
import { CHROMIUM_DIST, guardOrigin, launchChromium, pageStatus } from './lib/chromium.mjs';
import { waitForOverlay } from './lib/overlay.mjs';

let server;
before(async () => (server = await servePages()));
after(() => server.close());

async function openGuarded(extensionDir, pageFile) {
  const browser = await launchChromium({ extensionDir });
  await guardOrigin(browser.worker, server.origin);
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/${pageFile}`);
  return { browser, page };
}

test('without the wasm module the page is reported unprotected, in red, and the smoke path fails', async () => {
  const broken = mkdtempSync(join(tmpdir(), 'hush-no-wasm-'));
  cpSync(CHROMIUM_DIST, broken, { recursive: true });
  rmSync(join(broken, 'hush_wasm_bg.wasm'));
  const { browser, page } = await openGuarded(broken, 'textarea.html');
  try {
    await page.click('#prompt');
    await page.keyboard.type('Please forward it to jane.doe@example.com');
    const status = await pageStatus(browser.worker, page, (s) => s.state === 'unprotected');
    assert.equal(status.state, 'unprotected');
    assert.equal(status.reason, 'engine-unavailable');
    assert.equal(status.badge, '!');
    assert.equal(status.findings, undefined, 'no finding can come back without the engine');
    const overlay = await waitForOverlay(page, (o) => o.badge?.tone === 'unprotected');
    assert.equal(overlay.badge.tone, 'unprotected');
    assert.match(overlay.badge.text, /not checking/);
  } finally {
    await browser.close();
    rmSync(broken, { recursive: true, force: true });
  }
});

test('a guarded page without a prompt box Hush can find turns the toolbar badge red', async () => {
  const { browser, page } = await openGuarded(CHROMIUM_DIST, 'no-prompt-box.html');
  try {
    const status = await pageStatus(browser.worker, page, (s) => s.state === 'unprotected', 15_000);
    assert.equal(status.state, 'unprotected');
    assert.equal(status.reason, 'no-prompt-box');
    assert.equal(status.badge, '!');
  } finally {
    await browser.close();
  }
});
