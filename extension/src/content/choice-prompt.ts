/**
 * The small prompts Hush shows above the prompt box: before a paste lands ("Paste redacted"),
 * before a message goes ("Redact and send"), and the short notice of warn-only sites. They live in
 * Hush's closed overlay, never in the page's DOM.
 */

/** One button of a prompt; the first one is the default, chosen by Enter. */
export interface Choice<C extends string> {
  id: C;
  label: string;
}

/** What a prompt asks. */
export interface PromptSpec<C extends string> {
  /** Which prompt this is (`paste`, `send`): tests and styles tell them apart by it. */
  name: string;
  message: string;
  choices: readonly [Choice<C>, ...Choice<C>[]];
  /** A checkbox under the buttons ("Always paste redacted on this site"), when wanted. */
  checkbox?: string;
}

/** The user's answer: a choice and the checkbox, or `cancel` (Escape, or a Cancel button). */
export type Answer<C extends string> = { choice: C; checked: boolean } | { choice: 'cancel' };

/** Whether a prompt is open: while one is, keys belong to it. */
let openPrompts = 0;

/** Whether one of Hush's prompts is waiting for an answer. */
export function promptOpen(): boolean {
  return openPrompts > 0;
}

/** Places `element` above `anchor` (below it when there is no room), inside the viewport. */
function placeAbove(element: HTMLElement, anchor: DOMRect): void {
  element.style.left = `${Math.max(4, Math.min(anchor.left, innerWidth - element.offsetWidth - 4))}px`;
  const above = anchor.top - element.offsetHeight - 8;
  element.style.top = `${above >= 4 ? above : Math.min(anchor.bottom + 8, innerHeight - element.offsetHeight - 4)}px`;
}

/** Asks `spec` above `anchor`. Enter picks the focused button (the first by default), Escape cancels. */
export function ask<C extends string>(layer: HTMLElement, anchor: DOMRect, spec: PromptSpec<C>): Promise<Answer<C>> {
  const prompt = document.createElement('div');
  prompt.className = 'prompt';
  prompt.dataset['prompt'] = spec.name;
  prompt.setAttribute('role', 'alertdialog');
  const text = document.createElement('p');
  text.textContent = spec.message;
  const buttons = spec.choices.map(({ id, label }, i) => ({ id, element: button(label, i === 0) }));
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(...buttons.map(({ element }) => element));
  prompt.append(text, actions);
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  if (spec.checkbox !== undefined) {
    const label = document.createElement('label');
    label.append(checkbox, ` ${spec.checkbox}`);
    prompt.append(label);
  }
  layer.append(prompt);
  placeAbove(prompt, anchor);
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  buttons[0]?.element.focus();
  openPrompts += 1;

  return new Promise((resolve) => {
    const finish = (answer: Answer<C>): void => {
      openPrompts -= 1;
      prompt.remove();
      removeEventListener('keydown', onKey, true);
      returnFocus?.focus();
      resolve(answer);
    };
    const choose = (id: C | 'cancel'): void => finish(id === 'cancel' ? { choice: 'cancel' } : { choice: id, checked: checkbox.checked });
    // Listen on the window in the capture phase: the prompt lives in a shadow root and keys must
    // not reach the editor while it is open.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Escape') choose('cancel');
      else choose((buttons.find(({ element }) => isFocused(element)) ?? buttons[0])?.id ?? 'cancel');
    };
    addEventListener('keydown', onKey, true);
    for (const { id, element } of buttons) element.addEventListener('click', () => choose(id));
  });
}

/** How long a notice stays up. */
const NOTICE_MS = 6000;

/** Shows `message` above `anchor` for a few seconds, without asking anything. */
export function notify(layer: HTMLElement, anchor: DOMRect, name: string, message: string): void {
  const notice = document.createElement('div');
  notice.className = 'prompt';
  notice.dataset['prompt'] = name;
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = message;
  notice.append(text);
  layer.append(notice);
  placeAbove(notice, anchor);
  setTimeout(() => notice.remove(), NOTICE_MS);
}

function isFocused(element: HTMLElement): boolean {
  const root = element.getRootNode();
  return root instanceof ShadowRoot && root.activeElement === element;
}

function button(text: string, primary: boolean): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (primary) element.className = 'primary';
  return element;
}
