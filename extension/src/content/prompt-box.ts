/**
 * The prompt box: finding it on the page, reading its text, locating spans of that text on
 * screen, and rewriting spans through the editor's own input path.
 *
 * Rewrites never touch the editor's DOM directly: we select the range the way a user would and
 * insert text with `execCommand('insertText')`, which editors (ProseMirror, Lexical, Quill, React's
 * controlled textareas) treat as user input, so their state, their undo history and what the site
 * finally sends all agree.
 */
import type { Span } from '../shared/messages';
import type { SiteProfile } from '../shared/sites';
import { coveringEdit } from './edits';
import { EditableText } from './text-model';
import { TextareaMirror } from './textarea-mirror';

/** A replacement of `[start, end)` (UTF-16 offsets into the box's text) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** One prompt box, whatever editor it is built with. */
export interface PromptBox {
  /** The element the user types into. */
  readonly element: HTMLElement;
  /** The box's plain text, as scanned. */
  text(): string;
  /** On-screen rectangles (viewport coordinates) of each span of the text. */
  rects(spans: readonly Span[]): DOMRect[][];
  /** The caret's offset in the text, if the caret is in the box. */
  caret(): number | undefined;
  /** Puts the caret at `offset` in the text. */
  setCaret(offset: number): void;
  /** The selected span of the text, if the selection is in the box. */
  selection(): Span | undefined;
  /** Pastes `data` over `span` the way the editor handles a paste; false if it refused. */
  paste(span: Span, data: DataTransfer): Promise<boolean>;
  /**
   * Applies `edits` (non-overlapping, any order) as one user input, so that one Undo takes them
   * all back; false if the editor refused.
   */
  apply(edits: readonly TextEdit[]): Promise<boolean>;
}

/** The prompt box that the user typed into last, else the first one on the page. */
export class PromptBoxLocator {
  private lastTyped: HTMLElement | undefined;

  constructor(private readonly site: SiteProfile) {}

  /** The prompt box element an event came from, if it came from one (shadow roots included). */
  boxOf(event: Event): HTMLElement | undefined {
    for (const node of event.composedPath()) {
      if (node instanceof HTMLElement && node.matches(this.site.promptBox)) {
        this.lastTyped = node;
        return node;
      }
    }
    return undefined;
  }

  /** The current prompt box element, or `undefined` when the page has none (yet). */
  current(): HTMLElement | undefined {
    if (this.lastTyped?.isConnected) return this.lastTyped;
    return document.querySelector<HTMLElement>(this.site.promptBox) ?? undefined;
  }
}

/** Wraps `element` in the PromptBox that fits it. */
export function promptBox(element: HTMLElement, mirror: TextareaMirror): PromptBox {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) return new TextFieldBox(element, mirror);
  return new EditableBox(element);
}

/** Paste events Hush dispatched itself, which its own paste listener must let through. */
export const SYNTHETIC_PASTES = new WeakSet<Event>();

/** Inserts `text` over the current selection the way typing would. */
function insertAsUser(text: string): boolean {
  return text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text);
}

/**
 * Resolves once the page has seen the selection Hush just set. Editors such as Lexical copy the
 * DOM selection into their own state on `selectionchange`, which fires in a later task; an
 * insertion made before that would land where the caret was. No event comes when the selection
 * did not move, hence the short fallback.
 */
function selectionSettled(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      document.removeEventListener('selectionchange', done);
      clearTimeout(fallback);
      // Let the editor's own selectionchange listener run first.
      setTimeout(resolve, 0);
    };
    const fallback = setTimeout(done, 50);
    document.addEventListener('selectionchange', done);
  });
}

/** A textarea or text input: its value is the text. */
class TextFieldBox implements PromptBox {
  constructor(
    readonly element: HTMLTextAreaElement | HTMLInputElement,
    private readonly mirror: TextareaMirror,
  ) {}

  text(): string {
    return this.element.value;
  }

  rects(spans: readonly Span[]): DOMRect[][] {
    return this.mirror.rects(this.element, spans);
  }

  caret(): number | undefined {
    return document.activeElement === this.element ? (this.element.selectionEnd ?? undefined) : undefined;
  }

  setCaret(offset: number): void {
    this.element.setSelectionRange(offset, offset);
  }

  selection(): Span | undefined {
    const { selectionStart: start, selectionEnd: end } = this.element;
    return start === null || end === null ? undefined : { start, end };
  }

  paste(span: Span, data: DataTransfer): Promise<boolean> {
    // A textarea ignores the default action of an untrusted paste event: insert as typing does.
    return this.apply([{ ...span, text: data.getData('text/plain') }]);
  }

  async apply(edits: readonly TextEdit[]): Promise<boolean> {
    const edit = coveringEdit(this.element.value, edits);
    if (!edit) return true;
    this.element.focus();
    this.element.setSelectionRange(edit.start, edit.end);
    return insertAsUser(edit.text);
  }
}

/** A contenteditable editor (Lexical, ProseMirror, Quill, a bare div). */
class EditableBox implements PromptBox {
  constructor(readonly element: HTMLElement) {}

  text(): string {
    return EditableText.read(this.element).text;
  }

  rects(spans: readonly Span[]): DOMRect[][] {
    const model = EditableText.read(this.element);
    return spans.map(({ start, end }) => {
      const range = model.range(start, end);
      return range ? [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0) : [];
    });
  }

  setCaret(offset: number): void {
    this.select({ start: offset, end: offset });
  }

  selection(): Span | undefined {
    const selection = getSelection();
    if (!selection?.anchorNode || !selection.focusNode || !this.element.contains(selection.anchorNode)) return undefined;
    const model = EditableText.read(this.element);
    const anchor = model.offsetAt(selection.anchorNode, selection.anchorOffset);
    const focus = model.offsetAt(selection.focusNode, selection.focusOffset);
    return { start: Math.min(anchor, focus), end: Math.max(anchor, focus) };
  }

  async paste(span: Span, data: DataTransfer): Promise<boolean> {
    this.element.focus();
    if (!this.select(span)) return false;
    await selectionSettled();
    return this.pasteAtSelection(data);
  }

  /**
   * Editors parse pastes themselves (paragraphs, formatting) and make one undo step of each: hand
   * them a paste event where the browser lets a script build one with data (Chromium). Where it
   * does not (Firefox), or where the editor leaves the event alone, insert the plain text as
   * typing would.
   */
  private pasteAtSelection(data: DataTransfer): boolean {
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (event.clipboardData?.types.includes('text/plain')) {
      SYNTHETIC_PASTES.add(event);
      this.element.dispatchEvent(event);
      if (event.defaultPrevented) return true;
    }
    return insertAsUser(data.getData('text/plain'));
  }

  private select(span: Span): boolean {
    const range = EditableText.read(this.element).range(span.start, span.end);
    const selection = getSelection();
    if (!range || !selection) return false;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }

  caret(): number | undefined {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0 || !this.element.contains(selection.focusNode)) return undefined;
    if (!selection.focusNode) return undefined;
    return EditableText.read(this.element).offsetAt(selection.focusNode, selection.focusOffset);
  }

  async apply(edits: readonly TextEdit[]): Promise<boolean> {
    const edit = coveringEdit(this.text(), edits);
    if (!edit) return true;
    this.element.focus();
    if (!this.select(edit)) return false;
    await selectionSettled();
    // Typing cannot cross a paragraph break the way every editor understands; a paste can.
    if (this.text().slice(edit.start, edit.end).includes('\n') || edit.text.includes('\n')) {
      const data = new DataTransfer();
      data.setData('text/plain', edit.text);
      return this.pasteAtSelection(data);
    }
    return insertAsUser(edit.text);
  }
}
