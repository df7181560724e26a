// Native messaging in Firefox ESR with the real host: `hush-host install --browser firefox`
// writes the host manifest under a throwaway HOME, Firefox starts the release binary when Hush's
// background connects, the host checks that the caller is Hush (Firefox passes the manifest path
// and the add-on id), and the handshake's answer reaches the popup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GECKO_ID, extensionPageText, launchFirefox, registerHost } from './lib/firefox.mjs';
import { HOST_BINARY } from './lib/native-host.mjs';

const home = mkdtempSync(join(tmpdir(), 'hush-firefox-home-'));
let browser;
before(async () => {
  await registerHost(home);
  browser = await launchFirefox({ home });
});
after(async () => {
  await browser?.close();
  rmSync(home, { recursive: true, force: true });
});

test('hush-host install writes the Firefox host manifest where Firefox looks, naming Hush only', () => {
  const manifest = JSON.parse(readFileSync(join(home, '.mozilla', 'native-messaging-hosts', 'org.hush_guard.host.json'), 'utf8'));
  assert.equal(manifest.name, 'org.hush_guard.host');
  assert.equal(manifest.path, HOST_BINARY);
  assert.deepEqual(manifest.allowed_extensions, [GECKO_ID]);
  assert.equal(manifest.allowed_origins, undefined, 'Firefox rejects a manifest with Chromium keys');
});

test("the background's handshake with the real host succeeds, and the popup shows the host", async () => {
  const version = execFileSync(HOST_BINARY, ['--version'], { encoding: 'utf8' }).trim().split(' ').at(-1);
  const connected = `Native host ${version} connected`;
  const line = await extensionPageText(browser, 'popup.html', '#host', (text) => text.startsWith(connected));
  assert.ok(line.startsWith(connected), `the popup says "${line}"`);
  assert.deepEqual(browser.problems, []);
});
