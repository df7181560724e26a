// Native messaging in Firefox ESR with the real host: `hush-host install --browser firefox`
// writes the host manifest under a throwaway HOME, Firefox starts the release binary when Hush's
// background connects, the host checks that the caller is Hush (Firefox passes the manifest path
// and the add-on id), and the handshake's answer reaches the popup. A client term added with the
// host's CLI while text sits in a guarded prompt box is flagged on the open page, nothing typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GECKO_ID, extensionPageText, registerHost } from './lib/firefox.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';
import { HOST_BINARY, hostCli } from './lib/native-host.mjs';
import { poll } from './lib/overlay.mjs';
import { servePages } from './lib/server.mjs';

const home = mkdtempSync(join(tmpdir(), 'hush-firefox-home-'));
let server;
let tab;
let browser;
before(async () => {
  await registerHost(home);
  server = await servePages();
  tab = await openFirefoxTab(server.origin, { home });
  browser = tab.browser;
});
after(async () => {
  await tab?.close();
  await server?.close();
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

test('a client term added with the CLI while text sits in the prompt box is flagged on the open page', async () => {
  await tab.goto(`${server.origin}/textarea.html`);
  await poll(() => tab.evaluate(() => window.hushTestEditor !== undefined), Boolean);
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.type('Project Hydra ships Friday');
  await tab.status((s) => s.state === 'guarded');
  const db = join(home, 'hush.db');
  hostCli(db, ['clients', 'add', 'Globex']);
  hostCli(db, ['dict', 'add', '--client', 'Globex', 'Project Hydra']);
  const status = await tab.status((s) => s.findings?.length === 1);
  assert.deepEqual(status.findings?.map((f) => [f.label, f.start, f.end]), [['Client: Globex', 0, 13]]);
  assert.deepEqual(tab.problems, []);
});
