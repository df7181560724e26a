// Extension and host check each other's protocol version. The profile's host manifest points at a
// stand-in for a future hush-host that speaks only protocol 2 (lib/newer-host.mjs): the background's
// handshake is refused, the popup tells the user what to update, and Hush keeps guarding the page
// with its built-in detectors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servePages } from './lib/server.mjs';
import { EXTENSION_ORIGIN, guardOrigin, launchChromium, pageStatus } from './lib/chromium.mjs';
import { registerForChromium } from './lib/native-host.mjs';

const NEWER_HOST = fileURLToPath(new URL('./lib/newer-host.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hush-version-e2e-'));
let server;
let browser;

before(async () => {
  server = await servePages();
  const profileDir = join(dir, 'profile');
  registerForChromium(profileDir);
  const manifestPath = join(profileDir, 'NativeMessagingHosts', 'org.hush_guard.host.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, path: NEWER_HOST }));
  browser = await launchChromium({ profileDir });
  await guardOrigin(browser.worker, server.origin);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a host speaking a newer protocol is refused, and the popup says to update the extension', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`${EXTENSION_ORIGIN}/popup.html`);
  const line = popup.locator('#host');
  await line.filter({ hasText: 'cannot be used' }).waitFor();
  assert.equal(
    await line.textContent(),
    'The native host cannot be used: The Hush extension is older than its native host (the host speaks protocol 2, the extension 1). Update the Hush extension.',
  );
  await popup.close();
});

test('without a usable host Hush still guards with its built-in detectors', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/textarea.html`);
  await page.click('#prompt');
  await page.keyboard.type('Write to maria.rossi@example.it today');
  const status = await pageStatus(browser.worker, page, (s) => s.findings?.length === 1);
  assert.deepEqual(status.findings?.map((f) => f.kind), ['EMAIL']);
  await page.close();
});
