// Reading and driving the prompt box of an editor test page (tests/e2e/pages) from a test.
// Every page publishes `window.hushTestEditor` (text() reads the editor's own state) and
// `window.hushTestSent` (what it sent).

/** The prompt box's text as the editor holds it, lines joined with '\n'. */
export function editorText(page) {
  return page.evaluate(() => window.hushTestEditor.text());
}

/** The messages the page has sent, oldest first. */
export function sentMessages(page) {
  return page.evaluate(() => [...window.hushTestSent]);
}

/**
 * Selects the UTF-16 range [start, end) of the prompt box's plain text the way a user would: a
 * textarea's selection, or a DOM Range over the editor's text nodes set as the window selection.
 * Resolves with `{ selected, mapped }`: the selected text as the browser's Selection prints it
 * (Chromium prints a paragraph break as '\n\n'), and the plain text the offsets were counted in,
 * read from the DOM (it should equal editorText()).
 */
export function selectText(page, start, end) {
  return page.evaluate(selectInPage, { start, end, insert: null, settle: false });
}

/**
 * Replaces [start, end) with `text` the way a user would and Hush should: select the range, let
 * the editor see the `selectionchange`, then `document.execCommand('insertText')`. Pass
 * `{ sameTask: true }` to insert in the same task as the selection instead (Lexical gets that
 * wrong across a line break: see pages.test.mjs). Resolves with selectText()'s answer plus
 * `accepted`, execCommand's own answer.
 */
export function replaceText(page, start, end, text, { sameTask = false } = {}) {
  return page.evaluate(selectInPage, { start, end, insert: text, settle: !sameTask });
}

/**
 * Replaces [start, end) with `text` through the editor's paste handling: select the range, then
 * dispatch a synthetic `paste` ClipboardEvent whose DataTransfer holds `text` as text/plain
 * (Chromium passes the data; a page-made event has no default action, so a textarea or a bare
 * contenteditable ignores it). Resolves like replaceText(), `accepted` being false when the editor
 * took the paste (called preventDefault).
 */
export function pasteText(page, start, end, text) {
  return page.evaluate(selectInPage, { start, end, insert: text, settle: true, asPaste: true });
}

/**
 * Runs in the page: selects [start, end); with `settle`, waits for the editor to see the
 * selectionchange; then, unless `insert` is null, inserts it (execCommand, or a paste event).
 */
async function selectInPage({ start, end, insert, settle, asPaste = false }) {
  /**
   * The plain text of a contenteditable `root` and the DOM point of each offset. It counts one
   * '\n' between blocks and one per <br>, except a <br> that is the last child of its block:
   * editors (Lexical, ProseMirror, Quill, Chromium's own editing) put one there only to give an
   * empty or trailing line its height.
   */
  const mapEditable = (root) => {
    const pieces = [];
    let text = '';
    let lastPoint = [root, 0];
    let atLineStart = true;
    let pendingBreak = false;
    const isBlock = (node) =>
      node === root || ['block', 'list-item', 'flex', 'grid', 'table'].includes(getComputedStyle(node).display);
    const emit = (part, at, endsLine) => {
      pieces.push({ start: text.length, end: text.length + part.length, at });
      text += part;
      lastPoint = at(part.length);
      atLineStart = endsLine;
      pendingBreak = false;
    };
    const lineBreakBefore = (next) => {
      const before = lastPoint;
      emit('\n', (i) => (i === 0 ? before : next), true);
    };
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.data === '') return;
        if (pendingBreak) lineBreakBefore([node, 0]);
        emit(node.data, (i) => [node, i], false);
      } else if (node.nodeName === 'BR') {
        const parent = node.parentNode;
        const index = [...parent.childNodes].indexOf(node);
        if (pendingBreak) lineBreakBefore([parent, index]);
        if (node.nextSibling === null && isBlock(parent)) return;
        emit('\n', (i) => [parent, index + i], true);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const block = isBlock(node);
        if (block && (pendingBreak || !atLineStart)) lineBreakBefore([node, 0]);
        for (const child of node.childNodes) visit(child);
        if (block) pendingBreak = true;
      }
    };
    for (const child of root.childNodes) visit(child);

    // At a boundary a range's start goes forward into the next piece and its end stays in the
    // previous one, so both sit in text where there is text, as with a mouse selection.
    const pointAt = (offset, forward) => {
      const piece = forward
        ? (pieces.find((p) => p.start <= offset && offset < p.end) ?? pieces.findLast((p) => p.end === offset))
        : (pieces.find((p) => p.start < offset && offset <= p.end) ?? pieces.find((p) => p.start === offset));
      if (piece !== undefined) return piece.at(offset - piece.start);
      if (offset === 0) return [root, 0];
      throw new Error(`offset ${offset} is outside the editor's ${text.length} characters`);
    };
    return { text, pointAt };
  };

  // Editors read the new selection on `selectionchange`; when the selection did not move, none
  // comes, so do not wait forever.
  const selectionChange = () =>
    Promise.race([
      new Promise((resolve) => document.addEventListener('selectionchange', resolve, { once: true })),
      new Promise((resolve) => setTimeout(resolve, 200)),
    ]);

  const editor = window.hushTestEditor.element();
  editor.focus();
  let selected;
  let mapped;
  if (editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement) {
    editor.setSelectionRange(start, end);
    selected = editor.value.slice(start, end);
    mapped = editor.value;
  } else {
    const map = mapEditable(editor);
    const changed = settle ? selectionChange() : null;
    const selection = window.getSelection();
    selection.setBaseAndExtent(...map.pointAt(start, true), ...map.pointAt(end, false));
    selected = selection.toString();
    mapped = map.text;
    await changed;
  }
  if (insert === null) return { selected, mapped };
  if (!asPaste) return { selected, mapped, accepted: document.execCommand('insertText', false, insert) };
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', insert);
  const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  return { selected, mapped, accepted: editor.dispatchEvent(paste) };
}
