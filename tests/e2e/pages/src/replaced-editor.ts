// A single-page app that swaps its prompt box: on "navigation" (1.5 s after load, or when a test
// calls window.hushTestReplaceEditor()) the whole composer is re-rendered and a NEW textarea takes
// the old one's place, with the same id and class, so only a guard that notices the swap keeps
// protecting the page.
import { mustFind, recordSent } from './lib/chat';

const AUTO_REPLACE_MS = 1500;

const slot = mustFind('#composer-slot');

let generation = 0;
let prompt = renderComposer();

/** Renders a fresh composer (a new textarea and send button) into the slot, dropping the old one. */
function renderComposer(): HTMLTextAreaElement {
  const composer = document.createElement('div');
  composer.className = 'composer';
  composer.dataset.generation = String(generation);
  const textarea = document.createElement('textarea');
  textarea.id = 'prompt';
  textarea.className = 'prompt';
  textarea.rows = 2;
  textarea.placeholder = generation === 0 ? 'Message' : 'Message (new chat)';
  const button = document.createElement('button');
  button.id = 'send';
  button.type = 'button';
  button.textContent = 'Send';
  composer.append(textarea, button);
  slot.replaceChildren(composer);

  const send = (): void => {
    if (textarea.value.trim() === '') return;
    recordSent(textarea.value);
    textarea.value = '';
    textarea.focus();
  };
  button.addEventListener('click', send);
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    send();
  });
  return textarea;
}

const autoReplace = setTimeout(replaceEditor, AUTO_REPLACE_MS);

/** Swaps in a new composer. A swap made before the automatic one cancels it, so tests know how many happen. */
function replaceEditor(): void {
  clearTimeout(autoReplace);
  generation += 1;
  prompt = renderComposer();
}

window.hushTestReplaceEditor = replaceEditor;
window.hushTestEditor = {
  kind: 'textarea',
  element: () => prompt,
  text: () => prompt.value,
  focus: () => prompt.focus(),
  clear: () => {
    prompt.value = '';
  },
};
