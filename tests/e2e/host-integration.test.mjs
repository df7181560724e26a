// The extension and the real native host together, in Chromium: the host registered by its own
// install command in the test profile, a real SQLite file. A client's terms added in the host are
// flagged on the chat page; redactions become audit rows that hold no value; and with the host
// killed in the middle, events wait in the extension and arrive exactly once when it is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servePages } from './lib/server.mjs';
import { guardOrigin, launchChromium, pageStatus } from './lib/chromium.mjs';
import { hostCli, hostProcesses, registerForChromium } from './lib/native-host.mjs';

const EMAIL = 'maria.rossi@example.it';
const dir = mkdtempSync(join(tmpdir(), 'hush-host-e2e-'));
const db = join(dir, 'hush.db');
const profileDir = join(dir, 'profile');
let server;
let browser;
let page;

/** The host state the background records for the popup, once `until(state)` holds. */
async function hostState(until, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await browser.worker.evaluate(async () => (await chrome.storage.session.get('host')).host ?? null);
    if ((state && until(state)) || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Audit rows with `action`, as `hush-host audit list` prints them (one line per row). */
function auditRows(action) {
  const out = hostCli(db, ['audit', 'list', '--action', action, '--limit', '1000']);
  return out.includes('no audit rows') ? [] : out.trim().split('\n').filter((line) => line.trim() !== '');
}

async function waitForRows(action, count, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = auditRows(action);
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Types `text` into the emptied prompt box and redacts it with the keyboard shortcut. */
async function typeAndRedact(text, expectedFindings) {
  await page.fill('#prompt', '');
  await page.click('#prompt');
  await page.keyboard.type(text);
  await pageStatus(browser.worker, page, (s) => s.findings?.length === expectedFindings);
  await page.keyboard.press('Alt+Shift+KeyR');
  await page.waitForFunction((original) => document.querySelector('#prompt').value !== original, text);
}

before(async () => {
  server = await servePages();
  registerForChromium(profileDir);
  browser = await launchChromium({ profileDir, env: { HUSH_DB: db } });
  await guardOrigin(browser.worker, server.origin);
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/textarea.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the background connects to the real host and its database', async () => {
  const state = await hostState((s) => s.state === 'connected');
  assert.equal(state.state, 'connected');
  assert.equal(state.protocol, 1);
  assert.ok(existsSync(db), 'the host made its database where HUSH_DB says');
});

test("a client's terms added in the host are flagged on the chat page, within seconds", async () => {
  hostCli(db, ['clients', 'add', 'Acme Corp']);
  hostCli(db, ['dict', 'add', '--client', 'Acme Corp', 'Project Falcon', '--alias', 'Falcon']);
  const state = await hostState((s) => s.dictionary?.terms >= 2);
  assert.deepEqual(state.dictionary, { clients: 1, terms: 2 }, 'the client name and its term');
  await page.click('#prompt');
  await page.keyboard.type(`Falcon ships Friday, ask ${EMAIL}`);
  const status = await pageStatus(browser.worker, page, (s) => s.findings?.length === 2);
  const client = status.findings.find((f) => f.kind === 'CLIENT_TERM');
  assert.ok(client, 'the alias is flagged as a client term');
  assert.match(client.label, /Acme Corp/);
});

test('a redaction becomes an audit row that names the kinds, never the values', async () => {
  await page.keyboard.press('Alt+Shift+KeyR');
  await page.waitForFunction(() => /^\[CLIENT_1\] ships Friday, ask \[EMAIL_1\]$/.test(document.querySelector('#prompt').value));
  const rows = await waitForRows('redacted', 1);
  assert.equal(rows.length, 1);
  assert.match(rows[0], /CLIENT_TERM/);
  assert.match(rows[0], /EMAIL/);
  assert.match(rows[0], new RegExp(server.origin.replace(/[.:/]/g, '\\$&')));
  const stored = ['', '-wal'].map((suffix) => (existsSync(db + suffix) ? readFileSync(db + suffix).toString('latin1') : '')).join('');
  assert.ok(!stored.includes(EMAIL), 'the database never holds the address itself');
  assert.ok(!rows.join('\n').includes(EMAIL));
});

test('with the host killed, events wait in the extension and arrive exactly once when it is back', async () => {
  // The host stays away while its manifest names a binary that is not there.
  const manifestPath = join(profileDir, 'NativeMessagingHosts', 'org.hush_guard.host.json');
  const manifest = readFileSync(manifestPath, 'utf8');
  writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(manifest), path: join(dir, 'no-host-here') }));
  const [pid] = hostProcesses(db);
  assert.ok(pid, 'the browser started the host');
  process.kill(pid, 'SIGKILL');
  const away = await hostState((s) => s.state === 'unavailable');
  assert.equal(away.state, 'unavailable');

  for (let i = 0; i < 3; i++) await typeAndRedact(`Write to ${EMAIL} about invoice ${i}`, 1);
  const waiting = await hostState((s) => s.queuedEvents >= 3);
  assert.equal(waiting.state, 'unavailable');
  assert.ok(waiting.queuedEvents >= 3, `the three redactions wait in the extension: ${JSON.stringify(waiting)}`);
  assert.equal(auditRows('redacted').length, 1, 'nothing reached the database meanwhile');

  writeFileSync(manifestPath, manifest);
  const back = await hostState((s) => s.state === 'connected' && s.queuedEvents === 0, 90_000);
  assert.equal(back.state, 'connected', 'the background reconnects by itself');
  assert.equal(back.queuedEvents, 0, 'the queue is empty once delivered');
  const rows = await waitForRows('redacted', 4);
  assert.equal(rows.length, 4, 'one row per redaction: none lost, none doubled');
  assert.match(hostCli(db, ['audit', 'verify']), /intact/);
});
