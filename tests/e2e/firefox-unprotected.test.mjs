// Never silently unprotected, in Firefox ESR: with the engine broken (the wasm module removed from
// a copy of the build) the page is reported unprotected in red, and a guarded page without a
// prompt box turns the toolbar badge red. One browser, with the broken build, serves both: finding
// the prompt box does not involve the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePages } from './lib/server.mjs';
import { FIREFOX_DIST } from './lib/firefox.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';
import { poll } from './lib/overlay.mjs';

const broken = mkdtempSync(join(tmpdir(), 'hush-firefox-no-wasm-'));
let server;
let tab;
before(async () => {
  cpSync(FIREFOX_DIST, broken, { recursive: true });
  rmSync(join(broken, 'hush_wasm_bg.wasm'));
  server = await servePages();
  tab = await openFirefoxTab(server.origin, { extensionDir: broken });
});
after(async () => {
  await tab?.close();
  await server?.close();
  rmSync(broken, { recursive: true, force: true });
});

test('without the wasm module the page is reported unprotected, in red, and no finding comes back', async () => {
  await tab.goto(`${server.origin}/textarea.html`);
  await poll(() => tab.evaluate(() => window.hushTestEditor !== undefined), Boolean);
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.type('Please forward it to jane.doe@example.com');
  const status = await tab.status((s) => s.state === 'unprotected');
  assert.equal(status.state, 'unprotected');
  assert.equal(status.reason, 'engine-unavailable');
  assert.equal(status.badge, '!');
  assert.equal(status.findings, undefined, 'no finding can come back without the engine');
  const overlay = await poll(() => tab.readOverlay(), (o) => o.badge?.tone === 'unprotected');
  assert.equal(overlay.badge.tone, 'unprotected');
  assert.match(overlay.badge.text, /not checking/);
});

test('a guarded page without a prompt box Hush can find turns the toolbar badge red', async () => {
  await tab.goto(`${server.origin}/no-prompt-box.html`);
  const status = await tab.status((s) => s.state === 'unprotected' && s.reason === 'no-prompt-box');
  assert.equal(status.state, 'unprotected');
  assert.equal(status.reason, 'no-prompt-box');
  assert.equal(status.badge, '!');
});
