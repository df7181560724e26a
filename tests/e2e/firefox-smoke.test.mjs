// The riskiest path, in Firefox ESR: the built extension loads as a temporary add-on, the wasm
// engine instantiates in its background (an event page), and on a strict-CSP page the content
// script sends what is typed to the background and gets the email address back as a finding.
// No native host is registered here, so the popup must say Hush runs without one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages, STRICT_CSP } from './lib/server.mjs';
import { assertEmailFound, SMOKE_TEXT } from './lib/smoke.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';
import { extensionPageText } from './lib/firefox.mjs';
import { poll } from './lib/overlay.mjs';

let server;
let tab;
before(async () => {
  server = await servePages();
  tab = await openFirefoxTab(server.origin);
});
after(async () => {
  await tab?.close();
  await server?.close();
});

test('the page is served with the strict CSP that forbids wasm in the page', async () => {
  const response = await fetch(`${server.origin}/textarea.html`);
  assert.equal(response.headers.get('content-security-policy'), STRICT_CSP);
});

test('the content script gets the email address back as a finding from the wasm engine', async () => {
  await tab.goto(`${server.origin}/textarea.html`);
  await poll(() => tab.evaluate(() => window.hushTestEditor !== undefined), Boolean);
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.type(SMOKE_TEXT);
  const status = await tab.status((s) => s.findings?.length > 0);
  assertEmailFound(status);
  assert.deepEqual(tab.problems, [], 'the page saw no error');
});

test('without a registered native host the popup says Hush runs on its built-in detectors', async () => {
  const line = await extensionPageText(tab.browser, 'popup.html', '#host');
  assert.match(line, /^Native host not connected: built-in detectors only/);
});

test('the problem recorder sees an uncaught page error (so its silence elsewhere means something)', async () => {
  await tab.goto(`${server.origin}/textarea.html`);
  await tab.evaluate(() => setTimeout(() => {
    throw new Error('thrown on purpose');
  }));
  const problems = await poll(async () => [...tab.problems], (p) => p.length > 0);
  assert.deepEqual(problems, ['page error: Error: thrown on purpose']);
});
