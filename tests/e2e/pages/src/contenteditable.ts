// A bare contenteditable prompt box with no framework: the browser's own editing and undo.
// Enter sends; Shift+Enter is the browser's line break (Chromium inserts a <br>).
import { mustFind, startChat } from './lib/chat';

const box = mustFind('#prompt');

const send = startChat({
  kind: 'contenteditable',
  element: () => box,
  // With no editor state, the rendered text is the truth; a lone trailing <br> that only gives an
  // empty last line its height is not text.
  text: () => box.innerText.replace(/\n$/, ''),
  focus: () => box.focus(),
  clear: () => box.replaceChildren(),
});

box.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  send();
});
