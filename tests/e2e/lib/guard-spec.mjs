// The in-page guard, exercised on one editor page the way a user meets it: typing, the underlines,
// Redact all, Undo, and a paste caught before it lands. Each editor's spec file calls
// `describeGuardOn(pageFile)`; every assertion reads the editor's own state through the page's
// `window.hushTestEditor` (its API, not the DOM), and Hush's overlay through the DevTools protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages } from './server.mjs';
import { guardOrigin, launchChromium, pageStatus } from './chromium.mjs';
import { clickOverlayButton, readOverlay, waitForOverlay } from './overlay.mjs';

/** A prompt holding one email address, one IBAN and one secret, and where they are. */
export const SAMPLE_VALUES = {
  EMAIL: 'maria.rossi@example.it',
  IBAN: 'DE89 3704 0044 0532 0130 00',
  SECRET: 'sk_live_51HxQz8Kc2vRtY7uW9pLmN3bD',
};
export const SAMPLE = `Invoice for ${SAMPLE_VALUES.EMAIL}, pay to ${SAMPLE_VALUES.IBAN} and use ${SAMPLE_VALUES.SECRET} now`;

/** A pattern matching SAMPLE with each value replaced by a placeholder of its kind. */
export function redactedSamplePattern() {
  let pattern = SAMPLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [kind, value] of Object.entries(SAMPLE_VALUES)) {
    pattern = pattern.replace(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), `\\[${kind}_\\d+\\]`);
  }
  return new RegExp(`^${pattern}$`);
}

/** Viewport rectangles of `value` where the page's prompt box shows it. */
async function valueRects(page, value) {
  return page.evaluate((value) => {
    const editor = window.hushTestEditor.element();
    if (editor instanceof HTMLTextAreaElement) return null;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(value);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + value.length);
      return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top, width: r.width, height: r.height }));
    }
    return [];
  }, value);
}

const editorText = (page) => page.evaluate(() => window.hushTestEditor.text());

/** Runs the guard's end-to-end checks on `pageFile` (under tests/e2e/pages). */
export function describeGuardOn(pageFile) {
  let server;
  let browser;
  let page;
  const problems = [];

  before(async () => {
    server = await servePages();
    browser = await launchChromium();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    await guardOrigin(browser.worker, server.origin);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`${server.origin}/${pageFile}`);
    await page.waitForFunction(() => window.hushTestEditor !== undefined);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('typing shows one underline over each sensitive value, and the badge counts them', async () => {
    await page.evaluate(() => window.hushTestEditor.focus());
    await page.keyboard.type(SAMPLE);
    const overlay = await waitForOverlay(page, (o) => o.marks.length >= 3 && o.badge?.text.startsWith('3'));
    assert.equal(overlay.marks.length, 3, 'three underlines');
    assert.match(overlay.badge.text, /^3 sensitive items/);
    assert.equal(await page.evaluate(() => document.querySelector('hush-guard')?.shadowRoot ?? null), null, 'the page cannot open the overlay');
    const box = await page.evaluate(() => {
      const r = window.hushTestEditor.element().getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    for (const mark of overlay.marks) {
      assert.ok(mark.left >= box.left - 1 && mark.left + mark.width <= box.right + 1, 'underline inside the box horizontally');
      assert.ok(mark.top >= box.top - 1 && mark.top + mark.height <= box.bottom + 1, 'underline inside the box vertically');
    }
    for (const value of Object.values(SAMPLE_VALUES)) {
      const rects = await valueRects(page, value);
      if (rects === null) continue; // a textarea exposes no geometry; the mirror is checked by bounds above
      const [first] = rects;
      assert.ok(first, `the page shows ${value.slice(0, 4)}…`);
      const mark = overlay.marks.find((m) => Math.abs(m.left - first.left) <= 2 && Math.abs(m.top - first.top) <= 3);
      assert.ok(mark, `an underline starts where ${value.slice(0, 4)}… starts`);
      assert.ok(Math.abs(mark.width - first.width) <= 3, 'and is as wide as its first line');
    }
    const status = await pageStatus(browser.worker, page, (s) => s.findings?.length === 3);
    assert.deepEqual(status.findings.map((f) => f.kind), ['EMAIL', 'IBAN', 'SECRET']);
  });

  test('hovering an underline says what it is', async () => {
    const [mark] = (await readOverlay(page)).marks;
    await page.mouse.move(mark.left + mark.width / 2, mark.top + mark.height / 2);
    const overlay = await waitForOverlay(page, (o) => o.card !== undefined);
    assert.match(overlay.card.text, /Email address/);
    assert.match(overlay.card.text, /Redact/);
    await page.mouse.move(1, 1);
  });

  test('Redact all rewrites the editor state, and one Undo brings the original back', async () => {
    await clickOverlayButton(page, 'Redact all');
    await page.waitForFunction((sample) => window.hushTestEditor.text() !== sample, SAMPLE);
    const redacted = await editorText(page);
    assert.match(redacted, redactedSamplePattern());
    const overlay = await waitForOverlay(page, (o) => o.marks.length === 0);
    assert.equal(overlay.marks.length, 0, 'nothing left to underline');

    await page.evaluate(() => window.hushTestEditor.focus());
    await page.keyboard.press('Control+z');
    await page.waitForFunction((sample) => window.hushTestEditor.text() === sample, SAMPLE, { timeout: 5000 });
    assert.equal(await editorText(page), SAMPLE);
  });

  test('the keyboard shortcut redacts too, keeping the caret at the end', async () => {
    await page.evaluate(() => window.hushTestEditor.focus());
    await page.keyboard.press('Control+End');
    await waitForOverlay(page, (o) => o.marks.length === 3);
    await page.keyboard.press('Alt+Shift+KeyR');
    await page.waitForFunction((sample) => window.hushTestEditor.text() !== sample, SAMPLE);
    assert.match(await editorText(page), redactedSamplePattern());
    await page.keyboard.type('!');
    assert.ok((await editorText(page)).endsWith('now!'), 'typing continues where the caret was');
  });

  test('a paste holding secrets is caught before it lands, and pastes redacted on Enter', async () => {
    await page.evaluate(() => window.hushTestEditor.clear());
    await page.evaluate((text) => navigator.clipboard.writeText(text), SAMPLE);
    await page.evaluate(() => window.hushTestEditor.focus());
    await page.keyboard.press('Control+v');
    const overlay = await waitForOverlay(page, (o) => o.paste !== undefined);
    assert.match(overlay.paste.text, /3 sensitive items/);
    assert.equal(await editorText(page), '', 'nothing landed while Hush asks');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.hushTestEditor.text() !== '');
    assert.match(await editorText(page), redactedSamplePattern());
  });

  test('the page saw no error', () => {
    assert.deepEqual(problems, []);
  });
}
