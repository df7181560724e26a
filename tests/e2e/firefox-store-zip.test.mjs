// The Firefox store zip that `cargo xtask build` makes is a working add-on package, not only a
// lint-clean one: Firefox ESR installs it as a regular (not temporary) add-on, the way the README's
// unsigned route does (signature checks off, which ESR allows), and it guards a page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { servePages } from './lib/server.mjs';
import { FIREFOX_DIST } from './lib/firefox.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';
import { poll } from './lib/overlay.mjs';

const EMAIL = 'jane.doe@example.com';
const folder = mkdtempSync(join(tmpdir(), 'hush-firefox-xpi-'));
let server;
let tab;

before(async () => {
  const { version } = JSON.parse(readFileSync(join(FIREFOX_DIST, 'manifest.json'), 'utf8'));
  copyFileSync(join(dirname(FIREFOX_DIST), `hush-${version}-firefox.zip`), join(folder, 'hush.xpi'));
  server = await servePages();
  tab = await openFirefoxTab(server.origin, {
    extensionDir: join(folder, 'hush.xpi'),
    temporary: false,
    prefs: { 'xpinstall.signatures.required': false },
  });
});

after(async () => {
  await tab?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

test('the store zip, installed as a regular add-on, finds the email address typed into a page', async () => {
  await tab.goto(`${server.origin}/textarea.html`);
  await poll(() => tab.evaluate(() => window.hushTestEditor !== undefined), Boolean);
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.type(`Write to ${EMAIL} today`);
  const status = await tab.status((s) => s.findings?.length > 0);
  assert.deepEqual(status.findings.map((f) => f.kind), ['EMAIL']);
  assert.equal(status.badge, '1');
  assert.deepEqual(tab.problems, []);
});
