/**
 * Hush's layer above the page: underlines for findings, the badge by the prompt box, and the
 * cards and prompts that hang off them. Everything lives in a closed shadow root attached to the
 * <html> element, so the page's scripts cannot read it, the page's CSS cannot restyle it, and the
 * editor's DOM is never touched. The layer is position:fixed and ignores the pointer except on
 * its own controls, so it causes no layout shift and never steals a click from the editor.
 */
import type { Severity } from '../shared/findings';
import { OVERLAY_CSS } from './overlay.css';
import { TextareaMirror } from './textarea-mirror';

/** One underlined finding: where it is drawn and how bad it is. */
export interface Mark {
  rects: DOMRect[];
  severity: Severity;
}

/** What the badge by the prompt box says. */
export type BadgeState =
  | { tone: 'ok' }
  | { tone: Severity; count: number }
  | { tone: 'unprotected'; message: string };

/** The overlay: created once per page, drawn into on every scan, scroll and resize. */
export class Overlay {
  /** Measures text inside textareas. */
  readonly mirror: TextareaMirror;
  /** Where cards and prompts are appended. */
  readonly layer: HTMLDivElement;
  private readonly host: HTMLElement;
  private readonly marks: HTMLDivElement;
  private readonly badge: HTMLDivElement;
  private drawn: Mark[] = [];

  constructor(onRedactAll: () => void) {
    this.host = document.createElement('hush-guard');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.layer = document.createElement('div');
    this.layer.className = 'layer';
    this.marks = document.createElement('div');
    this.badge = document.createElement('div');
    this.badge.className = 'badge';
    this.badge.hidden = true;
    this.badge.setAttribute('role', 'status');
    this.badge.addEventListener('click', (event) => {
      if (event.target instanceof HTMLButtonElement) onRedactAll();
    });
    this.layer.append(this.marks, this.badge);
    root.append(style, this.layer);
    this.mirror = new TextareaMirror(root);
    this.attach();
  }

  /** Takes the overlay off the page (Hush was paused there). */
  detach(): void {
    this.host.remove();
  }

  /** Puts the overlay back if the page replaced its document's children (single-page apps do). */
  attach(): void {
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }

  /** Replaces the underlines with `marks`. */
  drawMarks(marks: Mark[]): void {
    this.drawn = marks;
    const elements = marks.flatMap(({ rects, severity }) =>
      rects.map((rect) => {
        const mark = document.createElement('div');
        mark.className = 'mark';
        mark.dataset['severity'] = severity;
        Object.assign(mark.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
        return mark;
      }),
    );
    this.marks.replaceChildren(...elements);
  }

  /** The index (into the last drawn marks) of the mark under the point, if any. */
  markAt(x: number, y: number): number | undefined {
    const index = this.drawn.findIndex((mark) => mark.rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom));
    return index < 0 ? undefined : index;
  }

  /** Shows the badge at the top-right corner of `box` (or hides it when `state` is undefined). */
  showBadge(box: DOMRect | undefined, state: BadgeState | undefined): void {
    if (!box || !state) {
      this.badge.hidden = true;
      return;
    }
    this.badge.hidden = false;
    this.badge.dataset['tone'] = state.tone;
    const label = document.createElement('span');
    if (state.tone === 'ok') {
      label.textContent = 'Hush: nothing sensitive';
      this.badge.replaceChildren(label);
    } else if (state.tone === 'unprotected') {
      label.textContent = state.message;
      this.badge.replaceChildren(label);
    } else {
      label.textContent = `${state.count} sensitive item${state.count === 1 ? '' : 's'}`;
      const redact = document.createElement('button');
      redact.type = 'button';
      redact.textContent = 'Redact all';
      redact.title = 'Replace every flagged item with a placeholder (Alt+Shift+R)';
      this.badge.replaceChildren(label, redact);
    }
    const width = this.badge.offsetWidth;
    this.badge.style.left = `${Math.max(4, box.right - width)}px`;
    this.badge.style.top = `${Math.max(4, box.top - this.badge.offsetHeight - 6)}px`;
  }

  /** Removes the overlay from the page. */
  remove(): void {
    this.host.remove();
  }
}
