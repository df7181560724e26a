/** The small prompt shown when a paste holds sensitive content, before it lands in the box. */

/** What to do with a paste. `always` is set when the user ticked "always paste redacted here". */
export type PasteChoice = { paste: 'redacted' | 'original'; always: boolean } | { paste: 'cancel' };

/** Asks what to paste; Enter picks "Paste redacted", Escape cancels the paste. */
export function askAboutPaste(layer: HTMLElement, anchor: DOMRect, summary: string): Promise<PasteChoice> {
  const prompt = document.createElement('div');
  prompt.className = 'paste';
  prompt.setAttribute('role', 'alertdialog');
  const text = document.createElement('p');
  text.textContent = `This paste holds ${summary}.`;
  const redacted = button('Paste redacted', true);
  const original = button('Paste original');
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(redacted, original);
  const always = document.createElement('input');
  always.type = 'checkbox';
  const label = document.createElement('label');
  label.append(always, ' Always paste redacted on this site');
  prompt.append(text, actions, label);
  layer.append(prompt);
  prompt.style.left = `${Math.max(4, Math.min(anchor.left, innerWidth - prompt.offsetWidth - 4))}px`;
  prompt.style.top = `${Math.max(4, anchor.top - prompt.offsetHeight - 8)}px`;
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  redacted.focus();

  return new Promise((resolve) => {
    const finish = (choice: PasteChoice): void => {
      prompt.remove();
      removeEventListener('keydown', onKey, true);
      returnFocus?.focus();
      resolve(choice);
    };
    // Listen on the window in the capture phase: the prompt lives in a shadow root and keys must
    // not reach the editor while it is open.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Escape') finish({ paste: 'cancel' });
      else finish({ paste: isFocused(original) ? 'original' : 'redacted', always: always.checked });
    };
    addEventListener('keydown', onKey, true);
    redacted.addEventListener('click', () => finish({ paste: 'redacted', always: always.checked }));
    original.addEventListener('click', () => finish({ paste: 'original', always: always.checked }));
  });
}

function isFocused(element: HTMLElement): boolean {
  const root = element.getRootNode();
  return root instanceof ShadowRoot && root.activeElement === element;
}

function button(text: string, primary = false): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = text;
  if (primary) element.className = 'primary';
  return element;
}
