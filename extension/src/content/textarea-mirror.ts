/**
 * Where text inside a textarea is drawn. A textarea exposes no geometry for its characters, so we
 * lay the same text out in an invisible element with the field's metrics (the classic "mirror"),
 * inside Hush's own shadow root, and measure there.
 */

import type { Span } from '../shared/messages';

/** Computed-style properties that decide how text wraps and where glyphs land. */
const COPIED = [
  'boxSizing',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle',
  'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontKerning',
  'fontFeatureSettings', 'lineHeight', 'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform',
  'textAlign', 'direction', 'tabSize', 'wordBreak', 'overflowWrap', 'whiteSpace',
] as const;

/** An invisible copy of a text field's layout, used to measure spans of its text. */
export class TextareaMirror {
  private readonly element: HTMLDivElement;
  private readonly textNode: Text;

  constructor(container: ShadowRoot) {
    this.element = document.createElement('div');
    this.element.className = 'mirror';
    this.element.setAttribute('aria-hidden', 'true');
    this.textNode = document.createTextNode('');
    this.element.append(this.textNode);
    container.append(this.element);
  }

  /**
   * Viewport rectangles of each of `spans` of `field`'s value, clipped to what is visible. The
   * mirror is laid out once for all of them: a long prompt holds hundreds of findings.
   */
  rects(field: HTMLTextAreaElement | HTMLInputElement, spans: readonly Span[]): DOMRect[][] {
    this.layOut(field);
    const visible = field.getBoundingClientRect();
    const length = this.textNode.data.length;
    const range = document.createRange();
    return spans.map(({ start, end }) => {
      range.setStart(this.textNode, Math.min(start, length));
      range.setEnd(this.textNode, Math.min(end, length));
      return [...range.getClientRects()].flatMap((rect) => {
        const clipped = clip(rect, visible);
        return clipped ? [clipped] : [];
      });
    });
  }

  private layOut(field: HTMLTextAreaElement | HTMLInputElement): void {
    const style = getComputedStyle(field);
    const mirror = this.element.style;
    for (const property of COPIED) mirror[property] = style[property];
    const box = field.getBoundingClientRect();
    mirror.left = `${box.left}px`;
    mirror.top = `${box.top}px`;
    // Wrap width is the field's client width (a scrollbar, if any, takes the rest).
    mirror.width = `${field.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`;
    mirror.height = `${field.clientHeight + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth)}px`;
    mirror.boxSizing = 'border-box';
    mirror.whiteSpace = field instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre';
    if (field instanceof HTMLTextAreaElement && style.overflowWrap === 'normal') mirror.overflowWrap = 'break-word';
    // A trailing newline only counts as a line when something follows it.
    const text = field.value.endsWith('\n') ? `${field.value} ` : field.value;
    if (this.textNode.data !== text) this.textNode.data = text;
    this.element.scrollTop = field.scrollTop;
    this.element.scrollLeft = field.scrollLeft;
  }
}

function clip(rect: DOMRect, to: DOMRect): DOMRect | undefined {
  const left = Math.max(rect.left, to.left);
  const right = Math.min(rect.right, to.right);
  const top = Math.max(rect.top, to.top);
  const bottom = Math.min(rect.bottom, to.bottom);
  return right > left && bottom > top ? new DOMRect(left, top, right - left, bottom - top) : undefined;
}
