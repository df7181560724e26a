// The options page in Firefox ESR with the real native host and its database: a client and a term
// added through the form are flagged on a chat page; a detector switched off stops flagging, and
// switched back on flags the open page again with nothing typed; an HTML export of the client's
// audit log is saved through Firefox's downloads and names the client, never the term.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By } from 'selenium-webdriver';
import { extensionPage, registerHost } from './lib/firefox.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';
import { hostCli } from './lib/native-host.mjs';
import { poll } from './lib/overlay.mjs';
import { servePages } from './lib/server.mjs';

const home = mkdtempSync(join(tmpdir(), 'hush-firefox-options-'));
const downloads = join(home, 'downloads');
const db = join(home, 'hush.db');
let server;
let tab;
let driver;

/** The first element matching `css` on the current page, once there is one. */
const element = (css) => poll(async () => (await driver.findElements(By.css(css)))[0], (found) => found !== undefined);

/** Opens the options page, with the host connected (its client list shown). */
async function openOptions() {
  await tab.goto(extensionPage('options.html'));
  await poll(async () => (await element('#clients-section')).isDisplayed(), Boolean);
}

/** Opens the guarded textarea page and types `text` into its prompt box. */
async function typeInChat(text) {
  await tab.goto(`${server.origin}/textarea.html`);
  await poll(() => tab.evaluate(() => window.hushTestEditor !== undefined), Boolean);
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.type(text);
}

before(async () => {
  await registerHost(home);
  server = await servePages();
  tab = await openFirefoxTab(server.origin, {
    home,
    prefs: { 'browser.download.folderList': 2, 'browser.download.dir': downloads, 'browser.download.useDownloadDir': true },
  });
  driver = tab.browser.driver;
});

after(async () => {
  await tab?.close();
  await server?.close();
  rmSync(home, { recursive: true, force: true });
});

test('a client and its term added on the options page are in the host database and flagged on a chat page', async () => {
  await openOptions();
  await (await element('#client-name')).sendKeys('Acme Corp');
  await (await element('#add-client button[type="submit"]')).click();
  await (await element('button[aria-label="Terms: Acme Corp"]')).click();
  await (await element('#term-text')).sendKeys('Project Falcon');
  await (await element('#term-aliases')).sendKeys('Falcon');
  await (await element('#add-term button[type="submit"]')).click();
  const terms = await poll(() => hostCli(db, ['dict', 'list', '--client', 'Acme Corp']), (out) => out.includes('Falcon'));
  assert.match(terms, /^Project Falcon {2}\(also: Falcon\)$/m);
  hostCli(db, ['clients', 'use', 'Acme Corp']);

  await typeInChat('Falcon ships Friday');
  const status = await tab.status((s) => s.findings?.length === 1);
  assert.deepEqual(status.findings?.map((f) => [f.kind, f.start, f.end]), [['CLIENT_TERM', 0, 6]]);
});

test('a detector switched off stops flagging, and switched on flags the open page again with nothing typed', async () => {
  await openOptions();
  const phone = await element('#detectors input[name="phone"]');
  assert.ok(await phone.isSelected(), 'on by default');
  await phone.click();
  await typeInChat('Call +44 20 7946 0958 or write ana@example.org');
  const off = await tab.status((s) => s.findings?.some((f) => f.kind === 'EMAIL'));
  assert.deepEqual(off.findings?.map((f) => f.kind), ['EMAIL'], 'the phone number is not flagged');

  const chat = await driver.getWindowHandle();
  await driver.switchTo().newWindow('tab');
  await openOptions();
  await (await element('#detectors input[name="phone"]')).click();
  await driver.close();
  await driver.switchTo().window(chat);
  const on = await tab.status((s) => s.findings?.some((f) => f.kind === 'PHONE'));
  assert.deepEqual(on.findings?.map((f) => f.kind), ['PHONE', 'EMAIL']);
});

test("an HTML export of the client's audit log is saved through Firefox's downloads", async () => {
  await typeInChat('Falcon ships Friday');
  await tab.status((s) => s.findings?.length === 1);
  await tab.press('Alt+Shift+KeyR');
  await poll(() => tab.evaluate(() => window.hushTestEditor.text()), (text) => !text.startsWith('Falcon'));
  const redactions = await poll(() => hostCli(db, ['audit', 'list', '--action', 'redacted']), (out) => out.includes('CLIENT_TERM'));
  assert.ok(!redactions.includes('Falcon'), 'the audit row holds no term');

  await openOptions();
  await (await element('#audit-client option[value]:not([value=""])')).click();
  await (await element('#export-html')).click();
  const status = await poll(async () => (await element('#audit-status')).getText(), (text) => text.startsWith('Saved'));
  assert.match(status, /^Saved hush-audit-acme-corp.*\.html to your downloads\.$/);
  const file = await poll(() => (existsSync(downloads) ? readdirSync(downloads).find((name) => name.endsWith('.html')) : undefined), Boolean);
  assert.ok(file, `a report in ${downloads}`);
  const html = readFileSync(join(downloads, file), 'utf8');
  assert.match(html, /Acme Corp/);
  assert.match(html, /Hash chain verified/);
  assert.doesNotMatch(html, /Falcon/, 'the report never holds a term');
});

test('the pages saw no error', () => {
  assert.deepEqual(tab.problems, []);
});
