// A Quill 2 prompt box: Quill builds `.ql-editor` inside `#quill-prompt`, one <p> per line.
// Enter sends (a configured binding runs before Quill's own Enter handler); Shift+Enter falls
// through to Quill's handler and starts a new line. History with Quill's defaults.
import 'quill/dist/quill.core.css';
import Quill from 'quill';
import { startChat } from './lib/chat';

const quill = new Quill('#quill-prompt', {
  placeholder: 'Message',
  modules: {
    toolbar: false,
    // Quill's defaults, spelled out because the merge window matters to Hush: changes less than
    // `delay` ms apart become one undo step.
    history: { delay: 1000, maxStack: 100, userOnly: false },
    keyboard: {
      bindings: {
        send: {
          key: 'Enter',
          shiftKey: false,
          handler: () => {
            send();
            return false;
          },
        },
      },
    },
  },
});

const send = startChat({
  kind: 'quill',
  element: () => quill.root,
  // getText() always ends with the newline of Quill's last line; lines are joined with '\n'.
  text: () => quill.getText().slice(0, -1),
  focus: () => quill.focus(),
  clear: () => {
    quill.setText('');
  },
});
