// The editor test pages, proven without Hush: each real editor library takes typing, takes a
// replacement made the way Hush makes one (select the range, then execCommand('insertText')),
// undoes it in one step, and sends what its own state holds, all under the strict CSP with not
// one console error. The other end-to-end tests rely on these pages behaving like chat sites.
// Run: node tests/e2e/pages/build.mjs && node --test tests/e2e/pages.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages, STRICT_CSP } from './lib/server.mjs';
import { launchPlainChromium } from './lib/plain-chromium.mjs';
import { editorText, pasteText, replaceText, selectText, sentMessages } from './lib/editors.mjs';

/**
 * One editor page and the editor's quirks, as measured in Chromium 156.
 * @typedef {object} PageSpec
 * @property {string} file
 * @property {string} kind what `hushTestEditor.kind` says
 * @property {string} selector how a site selector finds the prompt box
 * @property {number} historyMergeMs changes closer together than this may become ONE undo step
 *   (Quill 2.0.3: any change within 1000 ms; prosemirror-history 1.5.1: an adjacent change within
 *   500 ms; Lexical's history keeps a replaced selection apart; native undo keeps each execCommand)
 * @property {string} [acrossBreak] the text after replacing 'beta\ngamma' with 'Y' ('alpha Y delta')
 * @property {string} [sameTaskBreak] the same when the insert runs in the selection's task
 * @property {string} [sameTaskShown] what the DOM then shows, when it differs from the state
 * @property {string|null} [linesByInsertText] what LINES becomes through insertText (LINES;
 *   null: lost or garbled)
 * @property {string|null} [linesByPasteEvent] what LINES becomes through a synthetic paste event
 *   (LINES; null: ignored)
 * @property {(page: import('playwright-core').Page) => Promise<unknown>} [ready]
 */

/** @type {PageSpec[]} */
const PAGES = [
  { file: 'lexical.html', kind: 'lexical', selector: '.chat-input-editor[data-lexical-editor="true"]', historyMergeMs: 0,
    // Lexical 0.52 has not read the new selection yet: the text is replaced but the break stays
    // in its state, while the DOM shows the two lines joined.
    sameTaskBreak: 'alpha Y\n delta', sameTaskShown: 'alpha Y delta',
    // Chromium inserts the lines natively and Lexical 0.52 loses or reorders them.
    linesByInsertText: null },
  { file: 'prosemirror.html', kind: 'prosemirror', selector: '#prompt-textarea.ProseMirror', historyMergeMs: 500,
    // prosemirror-view 1.42's plain-text paste makes one paragraph per RUN of newlines.
    linesByPasteEvent: 'one\nthree\nfour' },
  { file: 'quill.html', kind: 'quill', selector: '#quill-prompt > .ql-editor', historyMergeMs: 1000 },
  { file: 'react-textarea.html', kind: 'react-textarea', selector: 'textarea#prompt', historyMergeMs: 0,
    linesByPasteEvent: null },
  { file: 'contenteditable.html', kind: 'contenteditable', selector: 'div#prompt[contenteditable="true"]', historyMergeMs: 0,
    // Chromium keeps the space after the insertion visible in a white-space: normal
    // contenteditable by making it U+00A0 (no-break space).
    acrossBreak: 'alpha Y\u00a0delta',
    // Chromium makes the inserted lines <div>s and the empty one <div><br></div>, and innerText
    // counts that <br> on top of the block's own line break.
    linesByInsertText: 'one\n\n\nthree\nfour',
    linesByPasteEvent: null },
  { file: 'replaced-editor.html', kind: 'textarea', selector: 'textarea#prompt', historyMergeMs: 0,
    linesByPasteEvent: null,
    // Let the page's automatic swap happen first, so it cannot land in the middle of a test.
    ready: (page) => page.waitForSelector('.composer[data-generation="1"] textarea#prompt') },
];

const TYPED = 'alpha beta\ngamma delta';
/** Several lines, one of them empty, as a guarded paste re-inserts them. */
const LINES = 'one\n\nthree\nfour';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let browser;
before(async () => {
  server = await servePages();
  browser = await launchPlainChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens `file` in a new page and records everything that would mean the page is broken: console
 * errors and warnings, uncaught exceptions, failed requests and CSP violations.
 */
async function openPage(file) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.addInitScript(() => {
    window.hushTestCspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.hushTestCspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  const response = await page.goto(`${server.origin}/${file}`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await page.waitForFunction(() => window.hushTestEditor !== undefined);
  return { page, problems };
}

/** Everything `openPage` recorded plus the page's CSP violations. */
async function pageProblems({ page, problems }) {
  return [...problems, ...(await page.evaluate(() => window.hushTestCspViolations))];
}

for (const spec of PAGES) {
  describe(spec.file, () => {
    let opened;
    let page;
    before(async () => {
      opened = await openPage(spec.file);
      page = opened.page;
      await spec.ready?.(page);
    });
    after(async () => {
      const problems = await pageProblems(opened);
      await page.close();
      assert.deepEqual(problems, [], 'no console error or warning, failed request or CSP violation');
    });

    /** Empties the editor, then types TYPED into it as a user does. */
    const typeSample = async () => {
      await page.evaluate(() => window.hushTestEditor.clear());
      await page.click(spec.selector);
      await page.keyboard.type('alpha beta');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('gamma delta');
    };
    /** Empties the editor, types 'x y' and waits out the undo merge window. */
    const typeShort = async () => {
      await page.evaluate(() => window.hushTestEditor.clear());
      await page.click(spec.selector);
      await page.keyboard.type('x y');
      await quiet();
    };
    /** Waits out the editor's undo merge window, so the next change is an undo step of its own. */
    const quiet = () => sleep(spec.historyMergeMs + 100);
    /** Undoes once with the keyboard and answers the editor's text. */
    const undoOnce = async () => {
      await page.keyboard.press('Control+z');
      return editorText(page);
    };

    test('publishes its prompt box, the element a site selector would find', async () => {
      assert.equal(await page.evaluate(() => window.hushTestEditor.kind), spec.kind);
      const matches = await page.evaluate((s) => window.hushTestEditor.element().matches(s), spec.selector);
      assert.ok(matches, `hushTestEditor.element() matches ${spec.selector}`);
      assert.equal(await page.locator(spec.selector).count(), 1);
      assert.equal(await editorText(page), '');
    });

    test('typing, with Shift+Enter for a new line, reaches the editor state', async () => {
      await typeSample();
      assert.equal(await editorText(page), TYPED);
      // The UTF-16 offsets counted over the DOM are the offsets of the editor's own text.
      assert.equal((await selectText(page, 0, 0)).mapped, TYPED);
    });

    test('insertText over a selection inside a line is honoured, and one undo restores', async () => {
      await typeSample();
      await quiet();
      const { selected, accepted } = await replaceText(page, 6, 10, '[EMAIL_1]');
      assert.deepEqual({ selected, accepted }, { selected: 'beta', accepted: true });
      assert.equal(await editorText(page), 'alpha [EMAIL_1]\ngamma delta');
      assert.equal(await undoOnce(), TYPED);
    });

    test('UTF-16 offsets past CJK text and an emoji select the right characters', async () => {
      await page.evaluate(() => window.hushTestEditor.clear());
      await page.click(spec.selector);
      await page.keyboard.type('客户 😀 é');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('naïve beta');
      await quiet();
      const text = await editorText(page);
      assert.equal(text, '客户 😀 é\nnaïve beta');
      const at = text.indexOf('beta');
      const { selected } = await replaceText(page, at, at + 4, '[EMAIL_1]');
      assert.equal(selected, 'beta');
      assert.equal(await editorText(page), '客户 😀 é\nnaïve [EMAIL_1]');
    });

    test('insertText over a selection across the line break is honoured, and one undo restores', async () => {
      await typeSample();
      await quiet();
      const { accepted, mapped } = await replaceText(page, 6, 16, 'Y');
      assert.equal(accepted, true);
      assert.equal(mapped, TYPED);
      assert.equal(await editorText(page), spec.acrossBreak ?? 'alpha Y delta');
      assert.equal(await undoOnce(), TYPED);
    });

    test('insertText in the same task as the selection, across the line break', async () => {
      // The caret is at the end of what was just typed, as when a user clicks "redact".
      await typeSample();
      await quiet();
      await replaceText(page, 6, 16, 'Y', { sameTask: true });
      const text = await editorText(page);
      assert.equal(text, spec.sameTaskBreak ?? spec.acrossBreak ?? 'alpha Y delta');
      // What the user sees, counted over the DOM.
      assert.equal((await selectText(page, 0, 0)).mapped, spec.sameTaskShown ?? text);
      assert.equal(await undoOnce(), TYPED);
    });

    test('multi-line text through execCommand(\'insertText\')', async () => {
      await typeShort();
      await replaceText(page, 1, 2, LINES);
      const text = await editorText(page);
      if (spec.linesByInsertText === null) {
        assert.notEqual(text, `x${LINES}y`, 'Lexical now takes multi-line insertText: update the quirk notes');
        return;
      }
      assert.equal(text, `x${spec.linesByInsertText ?? LINES}y`);
      assert.equal(await undoOnce(), 'x y');
    });

    test('multi-line text through a synthetic paste event', async () => {
      await typeShort();
      const { accepted } = await pasteText(page, 1, 2, LINES);
      if (spec.linesByPasteEvent === null) {
        // A page-made paste event has no default action: only an editor that handles paste
        // itself (Lexical, ProseMirror, Quill) inserts anything.
        assert.equal(accepted, true, 'nothing cancelled the paste');
        assert.equal(await editorText(page), 'x y');
        return;
      }
      assert.equal(accepted, false, 'the editor took the paste');
      assert.equal(await editorText(page), `x${spec.linesByPasteEvent ?? LINES}y`);
      assert.equal(await undoOnce(), 'x y');
    });

    test('Enter and the send button send the editor text and empty the editor', async () => {
      await typeSample();
      await page.keyboard.press('Enter');
      assert.deepEqual(await sentMessages(page), [TYPED]);
      assert.equal(await editorText(page), '');
      await page.keyboard.type('second message');
      await page.click('#send');
      assert.deepEqual(await sentMessages(page), [TYPED, 'second message']);
      assert.equal(await editorText(page), '');
    });
  });
}

describe('replaced-editor.html swaps its prompt box', () => {
  /** The current prompt box, and whether a handle is still in the document. */
  const current = (page) => page.evaluateHandle(() => window.hushTestEditor.element());
  const connected = (handle) => handle.evaluate((element) => element.isConnected);

  test('by itself 1.5 s after load', async () => {
    const opened = await openPage('replaced-editor.html');
    const { page } = opened;
    const first = await current(page);
    assert.equal(await first.evaluate((e) => e.closest('.composer').dataset.generation), '0');
    await page.waitForSelector('.composer[data-generation="1"]', { timeout: 5000 });
    assert.equal(await connected(first), false, 'the first prompt box left the document');
    assert.equal(await connected(await current(page)), true);
    assert.deepEqual(await pageProblems(opened), []);
    await page.close();
  });

  test('when hushTestReplaceEditor() is called, and the new box types and sends', async () => {
    const opened = await openPage('replaced-editor.html');
    const { page } = opened;
    const before = await current(page);
    await page.click('textarea#prompt');
    await page.keyboard.type('typed before the swap');
    await page.evaluate(() => window.hushTestReplaceEditor());
    assert.equal(await connected(before), false);
    const after = await current(page);
    assert.equal(await page.evaluate(([a, b]) => a !== b, [before, after]), true);
    assert.equal(await editorText(page), '', 'the new box starts empty');
    await page.click('textarea#prompt');
    await page.keyboard.type('typed after');
    await page.keyboard.press('Enter');
    assert.deepEqual(await sentMessages(page), ['typed after']);
    // The manual swap replaces the automatic one: the box stays put after 1.5 s.
    await sleep(1700);
    assert.equal(await connected(after), true);
    assert.deepEqual(await pageProblems(opened), []);
    await page.close();
  });
});

test('the problem recorder sees a CSP violation (so its silence above means something)', async () => {
  const opened = await openPage('contenteditable.html');
  await opened.page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
  });
  assert.equal(await opened.page.evaluate(() => window.inlineRan), undefined, 'the inline script did not run');
  await opened.page.waitForFunction(() => window.hushTestCspViolations.length > 0);
  const problems = await pageProblems(opened);
  assert.ok(problems.some((p) => p.includes('script-src')), problems.join('\n'));
  await opened.page.close();
});
