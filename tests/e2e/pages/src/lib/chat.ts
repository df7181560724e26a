/**
 * What every editor test page shares: the `window.hushTestEditor` handle that tests read the
 * editor's own state through, `window.hushTestSent` (what the page "sent"), and a visible log of
 * sent messages and the "chatbot's" answers, so the page looks and behaves like a chat.
 */

/** The page's prompt box, as tests see it. */
export interface TestEditor {
  /** Which editor library the page uses. */
  readonly kind: 'lexical' | 'prosemirror' | 'quill' | 'react-textarea' | 'contenteditable' | 'textarea';
  /** The element a user types into (the contenteditable root or the textarea). */
  element(): HTMLElement;
  /** The text as the EDITOR holds it (its state or API, not the DOM), lines joined with '\n'. */
  text(): string;
  focus(): void;
  /** Empties the editor through its own API. */
  clear(): void;
}

declare global {
  interface Window {
    hushTestEditor?: TestEditor;
    hushTestSent: string[];
    hushTestReplaceEditor?: () => void;
  }
}

window.hushTestSent = [];

/** How long the "chatbot" takes to answer: a moment, as a real one does. */
const ANSWER_DELAY_MS = 200;

/**
 * Records `text` as sent: in `window.hushTestSent` and in the page's message log; a moment later
 * the "chatbot" answers below it, echoing the message (placeholders included), marked up as
 * ChatGPT marks its answers (`data-message-author-role="assistant"`).
 */
export function recordSent(text: string): void {
  window.hushTestSent.push(text);
  const log = document.getElementById('log');
  const entry = document.createElement('li');
  entry.textContent = text;
  log?.append(entry);
  setTimeout(() => {
    const answer = document.createElement('li');
    answer.className = 'answer';
    answer.dataset['messageAuthorRole'] = 'assistant';
    answer.textContent = `Noted. You wrote: ${text}`;
    log?.append(answer);
  }, ANSWER_DELAY_MS);
}

/**
 * Publishes `editor` as `window.hushTestEditor` and returns the page's send action: it sends
 * the editor's text (unless blank, as chat sites do) and empties the editor. The `#send` button
 * is wired to it; each page binds Enter to it the way its editor allows.
 */
export function startChat(editor: TestEditor): () => void {
  window.hushTestEditor = editor;
  const send = (): void => {
    const text = editor.text();
    if (text.trim() === '') return;
    recordSent(text);
    editor.clear();
    editor.focus();
  };
  document.getElementById('send')?.addEventListener('click', send);
  return send;
}

/** The element matching `selector`; a page whose HTML lacks it is broken, so throw. */
export function mustFind(selector: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(selector);
  if (element === null) throw new Error(`${location.pathname} has no ${selector}`);
  return element;
}
