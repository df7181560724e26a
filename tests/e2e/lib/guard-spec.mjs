// The in-page guard, exercised on one editor page the way a user meets it: typing, the underlines,
// Redact all, Undo, a paste caught before it lands, and a send held while findings remain. Each editor's spec file calls
// `describeGuardOn(pageFile)` (Chromium) or `describeGuardOn(pageFile, openFirefoxTab)`; every
// assertion reads the editor's own state through the page's `window.hushTestEditor` (its API, not
// the DOM), and Hush's closed overlay through the browser's automation protocol (overlay.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages } from './server.mjs';
import { openChromiumTab } from './chromium-tab.mjs';
import { buttonBox, poll } from './overlay.mjs';

/**
 * @typedef {object} GuardTab One browser tab with Hush guarding the test pages' origin, made by
 *   chromium-tab.mjs or firefox-tab.mjs; everything the spec does goes through it.
 * @property {string[]} problems page errors and console errors, as they happen
 * @property {(url: string) => Promise<void>} goto
 * @property {(fn: Function, arg?: unknown) => Promise<any>} evaluate runs `fn(arg)` in the page
 * @property {(text: string) => Promise<void>} type types into the focused element, key by key
 * @property {(chord: string) => Promise<void>} press a chord in Playwright's names: 'Control+z'
 * @property {(x: number, y: number) => Promise<void>} moveMouse viewport coordinates
 * @property {(x: number, y: number) => Promise<void>} click
 * @property {() => Promise<object>} readOverlay see overlayInShadowRoot in overlay.mjs
 * @property {(until: (status: object) => boolean) => Promise<object>} status the background's
 *   record of the tab (`{state, findings, badge}`), polled until `until` holds
 * @property {(text: string) => Promise<void>} writeClipboard
 * @property {() => Promise<void>} close
 */

/** The longest window in which the test pages' editors merge changes into one undo step, plus a margin. */
const EDITOR_UNDO_MERGE_MS = 1200;

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
async function valueRects(tab, value) {
  return tab.evaluate((value) => {
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

const editorText = (tab) => tab.evaluate(() => window.hushTestEditor.text());

/** Polls the editor's text until `until(text)` holds (10 s at most); resolves with the last text. */
const waitForText = (tab, until) => poll(() => editorText(tab), until);

/** Polls Hush's overlay until `until(overlay)` holds (10 s at most); resolves with the last read. */
const waitForOverlay = (tab, until) => poll(() => tab.readOverlay(), until);

/** Clicks one of Hush's buttons by its label, as a person would with the mouse. */
async function clickOverlayButton(tab, label) {
  const box = buttonBox(await tab.readOverlay(), label);
  await tab.click(box.left + box.width / 2, box.top + box.height / 2);
}

/** How many messages the page sent. */
const sentCount = (tab) => tab.evaluate(() => window.hushTestSent.length);

/** Polls until the page has sent `count` messages; resolves with the last one (undefined if it never did). */
async function waitForSent(tab, count) {
  const sent = await poll(() => tab.evaluate(() => [...window.hushTestSent]), (all) => all.length >= count);
  return sent.length >= count ? sent.at(-1) : undefined;
}

/**
 * Types SAMPLE over whatever the box holds, as a person does (select all, type), and waits until
 * Hush underlines its three values. (Emptying Quill through its API right after a send, then
 * typing, leaves a stray empty line in Firefox.)
 */
async function typeSample(tab) {
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.press('Control+a');
  await tab.type(SAMPLE);
  await waitForOverlay(tab, (o) => o.marks.length === 3);
}

/** A page is ready once it published its editor. */
const editorPublished = () => window.hushTestEditor !== undefined;

/** replaced-editor.html is ready once it swapped its prompt box by itself (1.5 s after load). */
export const composerSwapped = () => document.querySelector('.composer')?.dataset.generation === '1';

/**
 * Runs the guard's end-to-end checks on `pageFile` (under tests/e2e/pages) in the browser that
 * `openTab(origin)` launches (Chromium by default): one browser for all the checks, in order.
 * They start once `ready()`, run in the page, holds (a page that swaps its editor by itself says
 * when it is done).
 */
export function describeGuardOn(pageFile, openTab = openChromiumTab, ready = editorPublished) {
  let server;
  let tab;

  before(async () => {
    server = await servePages();
    tab = await openTab(server.origin);
    await tab.goto(`${server.origin}/${pageFile}`);
    await poll(() => tab.evaluate(ready), Boolean);
  });

  after(async () => {
    await tab?.close();
    await server?.close();
  });

  test('typing shows one underline over each sensitive value, and the badge counts them', async () => {
    await tab.evaluate(() => window.hushTestEditor.focus());
    await tab.type(SAMPLE);
    const overlay = await waitForOverlay(tab, (o) => o.marks.length >= 3 && o.badge?.text.startsWith('3'));
    assert.equal(overlay.marks.length, 3, 'three underlines');
    assert.match(overlay.badge.text, /^3 sensitive items/);
    assert.equal(await tab.evaluate(() => document.querySelector('hush-guard')?.shadowRoot ?? null), null, 'the page cannot open the overlay');
    const box = await tab.evaluate(() => {
      const r = window.hushTestEditor.element().getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    for (const mark of overlay.marks) {
      assert.ok(mark.left >= box.left - 1 && mark.left + mark.width <= box.right + 1, 'underline inside the box horizontally');
      assert.ok(mark.top >= box.top - 1 && mark.top + mark.height <= box.bottom + 1, 'underline inside the box vertically');
    }
    for (const value of Object.values(SAMPLE_VALUES)) {
      const rects = await valueRects(tab, value);
      if (rects === null) continue; // a textarea exposes no geometry; the mirror is checked by bounds above
      const [first] = rects;
      assert.ok(first, `the page shows ${value.slice(0, 4)}…`);
      const mark = overlay.marks.find((m) => Math.abs(m.left - first.left) <= 2 && Math.abs(m.top - first.top) <= 3);
      assert.ok(mark, `an underline starts where ${value.slice(0, 4)}… starts`);
      assert.ok(Math.abs(mark.width - first.width) <= 3, 'and is as wide as its first line');
    }
    const status = await tab.status((s) => s.findings?.length === 3);
    assert.deepEqual(status.findings.map((f) => f.kind), ['EMAIL', 'IBAN', 'SECRET']);
  });

  test('hovering an underline says what it is', async () => {
    const [mark] = (await tab.readOverlay()).marks;
    await tab.moveMouse(mark.left + mark.width / 2, mark.top + mark.height / 2);
    const overlay = await waitForOverlay(tab, (o) => o.card !== undefined);
    assert.match(overlay.card.text, /Email address/);
    assert.match(overlay.card.text, /Redact/);
    await tab.moveMouse(1, 1);
  });

  test('Redact all rewrites the editor state, and one Undo brings the original back', async () => {
    // A person's hand goes from the keyboard to the badge: longer than the window in which editors
    // merge changes into one undo step (Quill and Lexical's HistoryPlugin: 1 s). Within it, Undo
    // would take the typing back together with the redaction, as it does for any quick edit.
    await new Promise((resolve) => setTimeout(resolve, EDITOR_UNDO_MERGE_MS));
    await clickOverlayButton(tab, 'Redact all');
    const redacted = await waitForText(tab, (text) => text !== SAMPLE);
    assert.match(redacted, redactedSamplePattern());
    const overlay = await waitForOverlay(tab, (o) => o.marks.length === 0);
    assert.equal(overlay.marks.length, 0, 'nothing left to underline');

    await tab.evaluate(() => window.hushTestEditor.focus());
    await tab.press('Control+z');
    assert.equal(await waitForText(tab, (text) => text === SAMPLE), SAMPLE);
  });

  test('the keyboard shortcut redacts too, keeping the caret at the end', async () => {
    await tab.evaluate(() => window.hushTestEditor.focus());
    await tab.press('Control+End');
    await waitForOverlay(tab, (o) => o.marks.length === 3);
    await tab.press('Alt+Shift+KeyR');
    assert.match(await waitForText(tab, (text) => text !== SAMPLE), redactedSamplePattern());
    await tab.type('!');
    assert.ok((await waitForText(tab, (text) => text.endsWith('!'))).endsWith('now!'), 'typing continues where the caret was');
  });

  test('a paste holding secrets is caught before it lands, and pastes redacted on Enter', async () => {
    await tab.evaluate(() => window.hushTestEditor.clear());
    await tab.writeClipboard(SAMPLE);
    await tab.evaluate(() => window.hushTestEditor.focus());
    await tab.press('Control+v');
    const overlay = await waitForOverlay(tab, (o) => o.paste !== undefined);
    assert.match(overlay.paste.text, /3 sensitive items/);
    assert.equal(await editorText(tab), '', 'nothing landed while Hush asks');
    await tab.press('Enter');
    assert.match(await waitForText(tab, (text) => text !== ''), redactedSamplePattern());
  });

  test('a message with nothing sensitive goes at once', async () => {
    const redacted = await editorText(tab);
    const sentBefore = await sentCount(tab);
    await tab.evaluate(() => window.hushTestEditor.focus());
    await tab.press('Enter');
    assert.equal(await waitForSent(tab, sentBefore + 1), redacted);
    assert.equal((await tab.readOverlay()).send, undefined, 'no question asked');
  });

  test('Enter with findings asks first, and Cancel keeps the message in the box', async () => {
    await typeSample(tab);
    const sentBefore = await sentCount(tab);
    await tab.press('Enter');
    const overlay = await waitForOverlay(tab, (o) => o.send !== undefined);
    assert.match(overlay.send.text, /^Send with 3 sensitive items: Email address, IBAN/);
    for (const label of ['Redact and send', 'Send anyway', 'Cancel']) buttonBox(overlay, label);
    await clickOverlayButton(tab, 'Cancel');
    await waitForOverlay(tab, (o) => o.send === undefined);
    assert.equal(await sentCount(tab), sentBefore, 'nothing was sent');
    assert.equal(await editorText(tab), SAMPLE, 'the message is still in the box');
  });

  test('"Redact and send" sends the redacted message through the site\'s own Enter', async () => {
    await tab.evaluate(() => window.hushTestEditor.focus());
    const sentBefore = await sentCount(tab);
    await tab.press('Enter');
    await waitForOverlay(tab, (o) => o.send !== undefined);
    await tab.press('Enter');
    const sent = await waitForSent(tab, sentBefore + 1);
    assert.match(sent ?? '', redactedSamplePattern());
    assert.equal(await waitForText(tab, (text) => text === ''), '', 'the page emptied its box, as after any send');
  });

  test('the send button with findings asks too, and "Send anyway" sends the message as it is', async () => {
    await typeSample(tab);
    const sentBefore = await sentCount(tab);
    const button = await tab.evaluate(() => {
      const r = document.getElementById('send').getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await tab.click(button.x, button.y);
    await waitForOverlay(tab, (o) => o.send !== undefined);
    assert.equal(await sentCount(tab), sentBefore, 'held while Hush asks');
    await clickOverlayButton(tab, 'Send anyway');
    assert.equal(await waitForSent(tab, sentBefore + 1), SAMPLE);
  });

  test('the page saw no error', () => {
    assert.deepEqual(tab.problems, []);
  });
}
