// A React 19 controlled <textarea>, as many chat sites have: the value lives in component state
// and every input event goes through onChange. Enter sends, Shift+Enter is the textarea's newline.
import { useRef, useState, type KeyboardEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { mustFind, recordSent } from './lib/chat';

/** What the tests read: the state React last rendered, and a way to set it from outside. */
const live = { text: '', setText: (_text: string): void => {} };

function Composer() {
  const [text, setText] = useState('');
  live.text = text;
  live.setText = setText;
  const input = useRef<HTMLTextAreaElement>(null);

  const send = (): void => {
    if (text.trim() === '') return;
    recordSent(text);
    setText('');
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <div className="composer">
      <textarea
        ref={input}
        className="prompt"
        id="prompt"
        rows={2}
        placeholder="Message"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button id="send" type="button" onClick={send}>
        Send
      </button>
      {/* A send control shaped like DeepSeek's: a div with the button role around an arrow icon. */}
      <div className="icon-send" role="button" tabIndex={0} aria-disabled={text.trim() === ''} onClick={send}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8.3125 2.5 L13 7.5 H9.5 V13.5 H7 V7.5 H3.5 Z" fill="currentColor" />
        </svg>
      </div>
    </div>
  );
}

flushSync(() => createRoot(mustFind('#app')).render(<Composer />));

const textarea = (): HTMLTextAreaElement => {
  const element = document.getElementById('prompt');
  if (!(element instanceof HTMLTextAreaElement)) throw new Error('React has not rendered the textarea');
  return element;
};

window.hushTestEditor = {
  kind: 'react-textarea',
  element: textarea,
  text: () => live.text,
  focus: () => textarea().focus(),
  clear: () => flushSync(() => live.setText('')),
};
