/** The card that says what a highlighted finding is and offers what to do with it. */

/** What the user chose on a finding's card. */
export type FindingAction = 'redact' | 'ignore' | 'allow';

/** A card over one finding; one card at a time per overlay. */
export class FindingCard {
  private readonly element: HTMLDivElement;
  private readonly title: HTMLParagraphElement;
  private onAction: ((action: FindingAction) => void) | undefined;
  /** Index of the finding the card is showing, if shown. */
  shownFor: number | undefined;

  constructor(layer: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'card';
    this.element.hidden = true;
    this.element.setAttribute('role', 'dialog');
    this.title = document.createElement('p');
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(
      this.button('Redact', 'redact', true),
      this.button('Ignore once', 'ignore'),
      this.button('Always allow this value', 'allow'),
    );
    this.element.append(this.title, actions);
    layer.append(this.element);
  }

  /** Shows the card under `anchor` for finding `index`, described by `label`. */
  show(index: number, label: string, anchor: DOMRect, onAction: (action: FindingAction) => void): void {
    this.onAction = onAction;
    this.shownFor = index;
    this.title.textContent = label;
    this.element.hidden = false;
    this.element.style.left = `${Math.max(4, Math.min(anchor.left, innerWidth - this.element.offsetWidth - 4))}px`;
    const below = anchor.bottom + 6;
    const fitsBelow = below + this.element.offsetHeight < innerHeight;
    this.element.style.top = `${fitsBelow ? below : Math.max(4, anchor.top - this.element.offsetHeight - 6)}px`;
  }

  /** Hides the card. */
  hide(): void {
    this.element.hidden = true;
    this.shownFor = undefined;
  }

  /** Whether the point is over the card. */
  contains(x: number, y: number): boolean {
    if (this.element.hidden) return false;
    const r = this.element.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  private button(text: string, action: FindingAction, primary = false): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    if (primary) button.className = 'primary';
    // mousedown would move the editor's caret and selection: keep them where the user left them.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      const act = this.onAction;
      this.hide();
      act?.(action);
    });
    return button;
  }
}
