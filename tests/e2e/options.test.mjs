// The options page and the popup with the real native host in Chromium: a client and its terms
// added through the form and a CSV import, flagged on a chat page within moments; the client
// chosen in the popup's picker becomes the host's active client; and an HTML export of the audit
// log, saved through the browser's downloads, names the client and says the chain verified; the
// detectors, listed in the engine's own words, switch off what they find; another client's terms
// are flagged unless the user limits flagging to the active client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePages } from './lib/server.mjs';
import { EXTENSION_ORIGIN, guardOrigin, launchChromium, pageStatus } from './lib/chromium.mjs';
import { hostCli, registerForChromium } from './lib/native-host.mjs';

const dir = mkdtempSync(join(tmpdir(), 'hush-options-e2e-'));
const db = join(dir, 'hush.db');
const profileDir = join(dir, 'profile');
let server;
let browser;

/** Polls `read` until `until(value)` holds (or the deadline passes); resolves with the last value. */
async function poll(read, until, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A tab on one of Hush's own pages. */
async function extensionPage(path) {
  const page = await browser.context.newPage();
  await page.goto(`${EXTENSION_ORIGIN}/${path}`);
  return page;
}

/**
 * A new tab on the guarded textarea page with `text` typed into its prompt box; resolves with
 * the tab and the first status for which `until` holds.
 */
async function chatPageWith(text, until) {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/textarea.html`);
  await page.click('#prompt');
  await page.keyboard.type(text);
  return { page, status: await pageStatus(browser.worker, page, until, 10_000) };
}

before(async () => {
  server = await servePages();
  registerForChromium(profileDir);
  browser = await launchChromium({ profileDir, env: { HUSH_DB: db } });
  await guardOrigin(browser.worker, server.origin);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a client and its terms added on the options page are in the host database', async () => {
  const options = await extensionPage('options.html');
  await options.getByText(/Native host .* connected/).waitFor();
  await options.getByLabel('New client').fill('Acme Corp');
  await options.getByRole('button', { name: 'Add client' }).click();
  await options.getByRole('button', { name: 'Terms: Acme Corp' }).click();
  await options.getByLabel('Term', { exact: true }).fill('Project Falcon');
  await options.getByLabel('Aliases (separated by commas)').fill('Falcon');
  await options.getByLabel('Note (optional)').fill('codename');
  await options.getByRole('button', { name: 'Add term' }).click();
  await options.getByRole('cell', { name: 'Project Falcon', exact: true }).waitFor();

  const csv = 'term,aliases,note\r\nJane Roe,J. Roe|Roe,their CTO\r\n"acme-db-01.internal",,"build server, EU"\r\n';
  await options.getByLabel('Import terms from a CSV file').setInputFiles({ name: 'acme.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByText('Imported acme.csv: 2 added, 0 updated, 0 unchanged.').waitFor();
  assert.equal(await options.locator('#terms tr').count(), 3);

  const terms = hostCli(db, ['dict', 'list', '--client', 'Acme Corp']);
  assert.match(terms, /^Project Falcon {2}\(also: Falcon\) {2}# codename$/m);
  assert.match(terms, /^Jane Roe {2}\(also: J\. Roe, Roe\) {2}# their CTO$/m);
  assert.match(terms, /^acme-db-01\.internal {2}# build server, EU$/m);
  await options.close();
});

test('a bad CSV row is refused with its row number, and nothing is imported', async () => {
  const options = await extensionPage('options.html');
  await options.getByRole('button', { name: 'Terms: Acme Corp' }).click();
  const csv = 'term,aliases\nGlobex deal,\n,Orphan alias\n';
  await options.getByLabel('Import terms from a CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByText('Cannot read bad.csv: row 3: the term is empty').waitFor();
  assert.doesNotMatch(hostCli(db, ['dict', 'list', '--client', 'Acme Corp']), /Globex/);
  await options.close();
});

test('a term added on the options page is flagged on a guarded chat page', async () => {
  const { page, status } = await chatPageWith('Falcon ships Friday', (s) => s.findings?.some((f) => f.kind === 'CLIENT_TERM'));
  assert.deepEqual(
    status.findings?.map((f) => [f.kind, f.start, f.end]),
    [['CLIENT_TERM', 0, 6]],
    'the alias "Falcon" is flagged as a client term',
  );
  await page.close();
});

test("a client's alias chosen on the options page is the placeholder its name is redacted as", async () => {
  const options = await extensionPage('options.html');
  await options.getByRole('button', { name: 'Alias: Acme Corp' }).click();
  await options.getByLabel('Alias for Acme Corp', { exact: false }).fill('Acme');
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('redacted as [ACME]').waitFor();
  assert.match(hostCli(db, ['clients', 'list']), /Acme Corp {2}\[ACME\]/);
  await options.close();

  const { page } = await chatPageWith('Ask Acme Corp today', (s) => s.findings?.length === 1);
  await page.keyboard.press('Alt+Shift+KeyR');
  const redacted = await poll(() => page.inputValue('#prompt'), (text) => !text.includes('Acme'));
  assert.equal(redacted, 'Ask [ACME] today');
  await page.close();
  hostCli(db, ['clients', 'alias', 'Acme Corp', '--none']);
});

test("the detectors listed in the engine's words switch off what they find on a chat page", async () => {
  const options = await extensionPage('options.html');
  const labels = await poll(
    () => options.locator('#detectors label').allInnerTexts(),
    (texts) => texts.some((t) => t.includes("People's names")),
  );
  for (const words of ['Email addresses', 'Phone numbers', 'API keys, tokens and passwords', "People's names"]) {
    assert.ok(labels.some((t) => t.trim() === words), `"${words}" is listed (${labels.join(' | ')})`);
  }
  await options.getByLabel('Phone numbers').uncheck();

  const { page, status } = await chatPageWith('Call +44 20 7946 0958 or write ana@example.org', (s) => s.findings?.some((f) => f.kind === 'EMAIL'));
  assert.deepEqual(status.findings?.map((f) => f.kind), ['EMAIL'], 'the phone number is no longer flagged');

  // The open page is scanned again at once: nothing typed since.
  await options.getByLabel('Phone numbers').check();
  const again = await pageStatus(browser.worker, page, (s) => s.findings?.some((f) => f.kind === 'PHONE'), 5000);
  assert.deepEqual(again.findings?.map((f) => f.kind), ['PHONE', 'EMAIL'], 'switched back on, it is flagged again');
  await Promise.all([page.close(), options.close()]);
});

test('the popup lists the client and choosing it makes it the active client', async () => {
  const popup = await extensionPage('popup.html');
  const picker = popup.getByLabel('Active client');
  await picker.waitFor();
  assert.deepEqual(await picker.locator('option').allTextContents(), ['No client', 'Acme Corp']);
  await picker.selectOption({ label: 'Acme Corp' });
  await popup.getByText('Working for Acme Corp.').waitFor();
  const list = await poll(() => hostCli(db, ['clients', 'list']), (out) => /^\* *Acme Corp/m.test(out));
  assert.match(list, /^\* *Acme Corp/m, `hush-host clients list says:\n${list}`);
  await popup.close();
});

test("another client's terms are flagged too, unless the options page limits flagging to the active client", async () => {
  const { page } = await chatPageWith('Falcon and Project Hydra', (s) => s.findings?.length === 1);
  // A client added while the text sits in the box: the open page is scanned again, nothing typed.
  hostCli(db, ['clients', 'add', 'Globex']);
  hostCli(db, ['dict', 'add', '--client', 'Globex', 'Project Hydra']);
  const both = await pageStatus(browser.worker, page, (s) => s.findings?.length === 2, 10_000);
  assert.deepEqual(
    both.findings?.map((f) => f.label),
    ['Client: Acme Corp', 'Client: Globex'],
    "on by default: the active client's alias and Globex's codename",
  );

  const options = await extensionPage('options.html');
  const every = options.getByLabel("Flag every client's terms", { exact: false });
  assert.ok(await every.isChecked(), 'on by default');
  // The open page is scanned again when the dictionary changes: nothing typed since.
  await every.uncheck();
  const active = await pageStatus(browser.worker, page, (s) => s.findings?.length === 1, 10_000);
  assert.deepEqual(active.findings?.map((f) => f.label), ['Client: Acme Corp'], "only the active client's terms");

  await every.check();
  await pageStatus(browser.worker, page, (s) => s.findings?.length === 2, 10_000);
  hostCli(db, ['clients', 'archive', 'Globex']);
  await Promise.all([page.close(), options.close()]);
});

test("an HTML export of the client's audit log is saved through the browser's downloads", async () => {
  // One audit row for Acme Corp: a redaction on the chat page while Acme Corp is active.
  const { page } = await chatPageWith('Falcon ships Friday', (s) => s.findings?.length === 1);
  await page.keyboard.press('Alt+Shift+KeyR');
  await page.waitForFunction(() => !document.querySelector('#prompt').value.startsWith('Falcon'));
  await page.close();

  const options = await extensionPage('options.html');
  await options.getByLabel('Client', { exact: true }).selectOption({ label: 'Acme Corp' });
  const row = await poll(
    async () => {
      await options.getByRole('button', { name: 'Show', exact: true }).click();
      return options.locator('#audit-rows tr').allTextContents();
    },
    (rows) => rows.some((r) => r.includes('Redacted')),
  );
  assert.ok(row.some((r) => r.includes('Acme Corp') && r.includes('CLIENT_TERM') && !r.includes('Falcon')), `rows: ${row}`);

  await options.getByRole('button', { name: 'Export HTML' }).click();
  await options.getByText(/^Saved hush-audit-acme-corp.*\.html to your downloads\.$/).waitFor();
  const download = await poll(
    () => browser.worker.evaluate(async () => (await chrome.downloads.search({ state: 'complete' }))[0]),
    (d) => d !== undefined,
  );
  const html = readFileSync(download.filename, 'utf8');
  assert.match(html, /Acme Corp/);
  assert.match(html, /Hash chain verified/);
  assert.doesNotMatch(html, /Falcon/, 'the report never holds a term');
  await options.close();
});
