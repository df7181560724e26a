// Site modes with the real native host in Chromium. kimi.com, a consumer chat (its host name
// resolved to 127.0.0.1, where the Lexical test page stands in for it over HTTPS), is strict out of
// the box: pastes land redacted without a question and a message holding findings waits for the
// user's choice; each choice becomes an audit row in the host's SQLite file. A site the user marks
// trusted on the options page only gets warnings: pastes land as they are, messages go at once.
// A mode is chosen for a site, not a host name: Kimi's holds on www.kimi.com too.
// Pausing Hush on a site takes its underlines and badge off the open page at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePages } from './lib/server.mjs';
import { EXTENSION_ORIGIN, guardOrigin, launchChromium, pageStatus } from './lib/chromium.mjs';
import { hostCli, registerForChromium } from './lib/native-host.mjs';
import { clickOverlayButton, poll, readOverlay, waitForOverlay } from './lib/overlay.mjs';
import { SAMPLE, SAMPLE_VALUES, redactedSamplePattern } from './lib/guard-spec.mjs';

const KIMI = 'kimi.com';
const dir = mkdtempSync(join(tmpdir(), 'hush-policy-e2e-'));
const db = join(dir, 'hush.db');
let server;
let browser;

/** Audit rows with `action`, one line each, as `hush-host audit list` prints them. */
function auditRows(action) {
  const out = hostCli(db, ['audit', 'list', '--action', action, '--limit', '1000']);
  return out.includes('no audit rows') ? [] : out.trim().split('\n').filter((line) => line.trim() !== '');
}

/** Polls until `count` audit rows with `action` are in the database; resolves with them. */
const waitForAuditRows = (action, count) => poll(() => auditRows(action), (rows) => rows.length >= count, 15_000);

/** A new tab on `url` with the test page's editor ready and focused. */
async function chatPage(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.hushTestEditor !== undefined);
  await page.evaluate(() => window.hushTestEditor.focus());
  return page;
}

const editorText = (page) => page.evaluate(() => window.hushTestEditor.text());
const sentMessages = (page) => page.evaluate(() => [...window.hushTestSent]);

before(async () => {
  server = await servePages(undefined, { https: true });
  const profileDir = join(dir, 'profile');
  registerForChromium(profileDir);
  browser = await launchChromium({
    profileDir,
    env: { HUSH_DB: db },
    args: [`--host-resolver-rules=MAP ${KIMI} 127.0.0.1, MAP www.${KIMI} 127.0.0.1`, '--ignore-certificate-errors'],
  });
  for (const host of [KIMI, `www.${KIMI}`]) {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `https://${host}:${server.port}` });
  }
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await guardOrigin(browser.worker, server.origin);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('kimi.com pastes redacted without asking: a consumer chat is strict out of the box', async () => {
  const page = await chatPage(`https://${KIMI}:${server.port}/lexical.html`);
  await page.evaluate((text) => navigator.clipboard.writeText(text), SAMPLE);
  await page.keyboard.press('Control+v');
  const text = await poll(() => editorText(page), (t) => t !== '');
  assert.match(text, redactedSamplePattern());
  assert.equal((await readOverlay(page)).paste, undefined, 'no question asked');
  const [row] = await waitForAuditRows('paste_redacted', 1);
  assert.match(row ?? '', /EMAIL/);
  for (const value of Object.values(SAMPLE_VALUES)) assert.ok(!row.includes(value), 'the audit row holds no value');
  await page.close();
});

test('on kimi.com a message with findings waits: Cancel is recorded as blocked, Send anyway as sent with findings', async () => {
  const page = await chatPage(`https://${KIMI}:${server.port}/lexical.html`);
  await page.keyboard.type(`Write to ${SAMPLE_VALUES.EMAIL} today`);
  await waitForOverlay(page, (o) => o.marks.length === 1);
  await page.keyboard.press('Enter');
  const asked = await waitForOverlay(page, (o) => o.send !== undefined);
  assert.match(asked.send?.text ?? '', /^Send with 1 sensitive item: Email address\?/);
  await page.keyboard.press('Escape');
  await waitForOverlay(page, (o) => o.send === undefined);
  assert.deepEqual(await sentMessages(page), []);
  assert.match((await waitForAuditRows('blocked', 1))[0] ?? '', /EMAIL/);

  await page.keyboard.press('Enter');
  await waitForOverlay(page, (o) => o.send !== undefined);
  await clickOverlayButton(page, 'Send anyway');
  assert.deepEqual(await poll(() => sentMessages(page), (sent) => sent.length > 0), [`Write to ${SAMPLE_VALUES.EMAIL} today`]);
  const [row] = await waitForAuditRows('sent_with_findings', 1);
  assert.match(row ?? '', /EMAIL/);
  assert.ok(!row.includes(SAMPLE_VALUES.EMAIL), 'the audit row holds no value');
  await page.close();
});

test('a mode chosen for Kimi holds on all its hosts: www.kimi.com then asks before a paste lands', async () => {
  const options = await browser.context.newPage();
  await options.goto(`${EXTENSION_ORIGIN}/options.html`);
  const kimiMode = options.getByLabel('Mode on Kimi', { exact: true });
  await kimiMode.selectOption({ label: 'Ask on paste and before sending' });
  await poll(() => kimiMode.getAttribute('title'), (title) => /You chose this mode/.test(title ?? ''));

  const page = await chatPage(`https://www.${KIMI}:${server.port}/lexical.html`);
  await page.evaluate((text) => navigator.clipboard.writeText(text), SAMPLE);
  await page.keyboard.press('Control+v');
  const asked = await waitForOverlay(page, (o) => o.paste !== undefined);
  assert.match(asked.paste?.text ?? '', /3 sensitive items/);
  assert.equal(await editorText(page), '', 'nothing landed while Hush asks');
  await page.keyboard.press('Enter');
  assert.match(await poll(() => editorText(page), (t) => t !== ''), redactedSamplePattern());
  await page.close();

  await kimiMode.selectOption({ label: 'Redact pastes, ask before sending (default)' });
  await poll(() => kimiMode.getAttribute('title'), (title) => /consumer chat/.test(title ?? ''));
  await options.close();
});

test('the options page shows each site\'s mode, and a site marked trusted only gets warnings', async () => {
  const options = await browser.context.newPage();
  await options.goto(`${EXTENSION_ORIGIN}/options.html`);
  const kimiMode = options.getByLabel('Mode on Kimi', { exact: true });
  assert.equal(await kimiMode.inputValue(), 'strict');
  assert.match((await kimiMode.getAttribute('title')) ?? '', /consumer chat/);
  const ours = options.getByLabel(`Mode on ${server.origin}`, { exact: true });
  assert.equal(await ours.inputValue(), 'ask', 'a site the user added asks');
  await ours.selectOption({ label: 'Trusted: warn only' });
  await poll(() => ours.getAttribute('title'), (title) => /You chose this mode/.test(title ?? ''));
  await options.close();

  const sentBefore = auditRows('sent_with_findings').length;
  const page = await chatPage(`${server.origin}/textarea.html`);
  await page.evaluate((text) => navigator.clipboard.writeText(text), SAMPLE);
  await page.keyboard.press('Control+v');
  assert.equal(await poll(() => editorText(page), (t) => t !== ''), SAMPLE, 'a trusted site gets the paste as it is');
  await waitForOverlay(page, (o) => o.marks.length === 3);
  await page.keyboard.press('Enter');
  assert.deepEqual(await poll(() => sentMessages(page), (sent) => sent.length > 0), [SAMPLE], 'the message went at once');
  const notice = await waitForOverlay(page, (o) => o.notice !== undefined);
  assert.match(notice.notice?.text ?? '', /^Sent with 3 sensitive items: Email address, IBAN/);
  await waitForAuditRows('sent_with_findings', sentBefore + 1);
  await page.close();
});

test('pausing Hush on a site takes its marks off the open page, and resuming brings them back', async () => {
  const page = await chatPage(`${server.origin}/textarea.html`);
  await page.keyboard.type(`Write to ${SAMPLE_VALUES.EMAIL} today`);
  await waitForOverlay(page, (o) => o.marks.length === 1);
  const options = await browser.context.newPage();
  await options.goto(`${EXTENSION_ORIGIN}/options.html`);
  await options.getByLabel(`Pause Hush on ${server.origin}`, { exact: true }).check();

  const paused = await pageStatus(browser.worker, page, (s) => s.state === 'paused');
  assert.equal(paused.state, 'paused');
  assert.equal(paused.badge, '');
  const gone = await waitForOverlay(page, (o) => o.marks.length === 0 && o.badge === undefined);
  assert.deepEqual(gone, { marks: [], buttons: {} }, 'nothing of Hush is left on the page');

  await options.getByLabel(`Pause Hush on ${server.origin}`, { exact: true }).uncheck();
  await options.close();
  const resumed = await pageStatus(browser.worker, page, (s) => s.findings?.length === 1);
  assert.deepEqual(resumed.findings?.map((f) => f.kind), ['EMAIL']);
  await waitForOverlay(page, (o) => o.marks.length === 1);
  await page.close();
});
