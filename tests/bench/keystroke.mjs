// The browser benchmark: what Hush costs a user in the real browser, with the built extension.
//
//   node tests/bench/keystroke.mjs        (after `cargo xtask build`; `cargo xtask bench` runs it)
//
// Prints: keystroke cost (input event -> underlines drawn, round trip to the background's wasm
// engine included) for a 2,000- and a 20,000-character prompt as p50/p95/max; the content script's
// start-up time; the engine's first answer after the service worker was stopped (cold start); and
// the wasm module's size, raw and gzipped. Figures, not assertions: a busy machine moves them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { servePages } from '../e2e/lib/server.mjs';
import { CHROMIUM_DIST, guardOrigin, launchChromium } from '../e2e/lib/chromium.mjs';

const KEYSTROKES = 300;
const RELOADS = 10;

/** Realistic prompt text of about `length` characters, with a finding every few sentences. */
function prompt(length) {
  const paragraph =
    'Please review the attached services agreement before Friday. The client asked us to keep the ' +
    'delivery schedule and the payment terms unchanged, and to copy maria.rossi@example.it on every ' +
    'change. Version 2.4.1 shipped on 2024-03-18 with order 55120 and invoice INV-2024-0031.\n';
  return paragraph.repeat(Math.ceil(length / paragraph.length)).slice(0, length);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (ms) => `${ms.toFixed(2)} ms`;
  return `p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  max ${f(sorted.at(-1))}  (n=${sorted.length})`;
}

async function samples(worker, metric) {
  return worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] ?? [], `perf:${metric}`);
}

async function clearSamples(worker) {
  await worker.evaluate(() => chrome.storage.session.remove(['perf:keystroke', 'perf:startup']));
}

async function waitForSamples(worker, metric, count) {
  for (let i = 0; i < 200; i++) {
    const got = await samples(worker, metric);
    if (got.length >= count) return got;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return samples(worker, metric);
}

async function keystrokeCost(browser, page, length) {
  await page.evaluate((text) => {
    const box = document.getElementById('prompt');
    box.value = text;
    box.focus();
    box.setSelectionRange(text.length, text.length);
  }, prompt(length));
  await clearSamples(browser.worker);
  for (let i = 0; i < KEYSTROKES; i++) {
    // A brisk typist: one key every 40 ms (about 300 characters a minute... per hand).
    await page.keyboard.type('x');
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  return waitForSamples(browser.worker, 'keystroke', KEYSTROKES * 0.9);
}

const server = await servePages();
const browser = await launchChromium();
try {
  await guardOrigin(browser.worker, server.origin);
  await browser.worker.evaluate(() => chrome.storage.local.set({ perfProbe: true }));
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/textarea.html`);

  const wasm = readFileSync(join(CHROMIUM_DIST, 'hush_wasm_bg.wasm'));
  console.log(`wasm module: ${(wasm.length / 1024).toFixed(0)} KB raw, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(0)} KB gzipped`);

  for (const length of [2_000, 20_000]) {
    console.log(`keystroke cost, ${length.toLocaleString('en')}-character prompt: ${summary(await keystrokeCost(browser, page, length))}`);
  }

  await clearSamples(browser.worker);
  for (let i = 0; i < RELOADS; i++) await page.reload();
  console.log(`content script start-up: ${summary(await waitForSamples(browser.worker, 'startup', RELOADS))}`);

  // Chromium stops an idle extension service worker after 30 s; its page in chrome://serviceworker-
  // internals stops it at once. The next keystroke then wakes it: worker start, wasm instantiation,
  // engine build and the scan, all in the one sample that keystroke records.
  const cold = [];
  const internals = await browser.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  const workerState = () => internals.evaluate(() => /Running Status: (\w+)/.exec(document.body.innerText)?.[1]);
  // The worker Playwright knows goes away with each stop; the one running now is the last listed.
  const runningWorker = () => browser.context.serviceWorkers().at(-1);
  for (let i = 0; i < 5; i++) {
    const before = (await samples(runningWorker(), 'keystroke')).length;
    await internals.getByText('Stop', { exact: true }).first().click();
    while ((await workerState()) !== 'STOPPED') await internals.waitForTimeout(20);
    await page.bringToFront();
    await page.focus('#prompt');
    await page.keyboard.type('y');
    while ((await workerState()) !== 'RUNNING') await internals.waitForTimeout(20);
    const after = await waitForSamples(runningWorker(), 'keystroke', before + 1);
    if (after.length > before) cold.push(after[before]);
    await internals.bringToFront();
  }
  console.log(`first answer after the service worker was stopped (cold start): ${cold.length ? summary(cold) : 'not measured'}`);
} finally {
  await browser.close();
  await server.close();
}
