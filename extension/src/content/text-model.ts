/**
 * The plain text of a prompt box and the map from its UTF-16 offsets back to the DOM.
 *
 * The engine scans plain text and answers in UTF-16 offsets; highlights and rewrites need DOM
 * positions. For a textarea or input the value IS the text. For a contenteditable editor
 * (Lexical, ProseMirror, Quill, a bare div) we build the text ourselves from the text nodes, with
 * one '\n' between blocks and for every line break that is not a block's trailing placeholder,
 * so that every offset we send maps back to exactly one DOM position.
 */

/** A run of the text that comes from one DOM text node. */
interface Segment {
  node: Text;
  /** Offset of the node's first character in the plain text. */
  start: number;
}

/** A DOM position: a text node and an offset in it, or the start of an empty editor's first line. */
export interface DomPosition {
  node: Node;
  offset: number;
}

/** Elements whose content starts on a new line. */
const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'TABLE', 'TR', 'SECTION', 'ARTICLE']);
/** Elements that hold no user text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** The text of a contenteditable root and where each part of it lives. */
export class EditableText {
  private constructor(
    /** The plain text, as sent to the engine. */
    readonly text: string,
    private readonly segments: readonly Segment[],
    private readonly root: HTMLElement,
  ) {}

  /** Reads `root`'s text and positions. */
  static read(root: HTMLElement): EditableText {
    const parts: string[] = [];
    const segments: Segment[] = [];
    let length = 0;
    // A block just closed: the next content starts on a new line.
    let breakPending = false;
    let atLineStart = true;
    const emit = (text: string): void => {
      parts.push(text);
      length += text.length;
      atLineStart = text.endsWith('\n');
    };
    const lineBreak = (): void => {
      emit('\n');
      breakPending = false;
    };
    const visit = (node: Node): void => {
      if (node instanceof Text) {
        if (breakPending && node.data.length > 0) lineBreak();
        segments.push({ node, start: length });
        if (node.data.length > 0) emit(node.data);
        return;
      }
      if (!(node instanceof HTMLElement) || SKIPPED.has(node.tagName)) return;
      if (node.tagName === 'BR') {
        if (breakPending) lineBreak();
        // Editors keep a <br> as the last child of an empty or trailing line so it has height.
        if (node.nextSibling !== null || !isBlock(node.parentElement)) emit('\n');
        return;
      }
      const block = isBlock(node);
      if (block && (breakPending || !atLineStart)) lineBreak();
      for (const child of node.childNodes) visit(child);
      if (block) breakPending = true;
    };
    for (const child of root.childNodes) visit(child);
    return new EditableText(parts.join(''), segments, root);
  }

  /**
   * The DOM position of `offset`. At a boundary between two text nodes, `affinity` picks the end
   * of the earlier node ('backward', for the end of a range) or the start of the later one
   * ('forward', for its start).
   */
  position(offset: number, affinity: 'forward' | 'backward'): DomPosition | undefined {
    if (this.segments.length === 0) return offset === 0 ? { node: firstLine(this.root), offset: 0 } : undefined;
    let candidate: DomPosition | undefined;
    for (const { node, start } of this.segments) {
      const end = start + node.data.length;
      if (offset < start) return affinity === 'forward' ? { node, offset: 0 } : candidate;
      if (offset < end || (offset === end && affinity === 'backward')) return { node, offset: offset - start };
      candidate = { node, offset: node.data.length };
    }
    return candidate;
  }

  /** The text offset of the DOM point `(node, offset)`, such as the caret. */
  offsetAt(node: Node, offset: number): number {
    const point = document.createRange();
    point.setStart(node, offset);
    let found = 0;
    for (const segment of this.segments) {
      if (segment.node === node) return segment.start + offset;
      // comparePoint <= 0: the segment ends before (or at) the point.
      if (point.comparePoint(segment.node, segment.node.data.length) <= 0) found = segment.start + segment.node.data.length;
      else break;
    }
    return found;
  }

  /** A DOM range over `[start, end)`, or `undefined` if the text has changed under it. */
  range(start: number, end: number): Range | undefined {
    const from = this.position(start, 'forward');
    const to = this.position(end, 'backward');
    if (!from || !to || !from.node.isConnected || !to.node.isConnected) return undefined;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }
}

/** The innermost first block of `root`: where an empty editor puts the caret (its empty paragraph). */
function firstLine(root: HTMLElement): Node {
  let line: Element = root;
  while (line.firstElementChild && isBlock(line.firstElementChild)) line = line.firstElementChild;
  return line;
}

function isBlock(element: Element | null): boolean {
  return element !== null && BLOCKS.has(element.tagName);
}
