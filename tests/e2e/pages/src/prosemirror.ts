// A ProseMirror prompt box like chatgpt.com's: the editable element is `#prompt-textarea`.
// Enter sends; Shift+Enter starts a new paragraph (as on chatgpt.com); history with Mod-z /
// Mod-Shift-z, then the base keymap.
import 'prosemirror-view/style/prosemirror.css';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, splitBlock } from 'prosemirror-commands';
import { mustFind, startChat } from './lib/chat';

// With `{ mount }` ProseMirror turns this very element into its editable DOM.
const mount = mustFind('#prompt-textarea');

const sendCommand: Command = () => {
  send();
  return true;
};

const view = new EditorView({ mount }, {
  state: EditorState.create({
    schema,
    plugins: [
      history(),
      keymap({ Enter: sendCommand, 'Shift-Enter': splitBlock, 'Mod-z': undo, 'Mod-Shift-z': redo, 'Mod-y': redo }),
      keymap(baseKeymap),
    ],
  }),
});

const send = startChat({
  kind: 'prosemirror',
  element: () => view.dom,
  // Paragraphs are separated by '\n'; a hard_break (a pasted <br>) is a leaf that also reads '\n'.
  text: () => {
    const { doc } = view.state;
    return doc.textBetween(0, doc.content.size, '\n', '\n');
  },
  focus: () => view.focus(),
  clear: () => {
    const { state } = view;
    view.dispatch(state.tr.replaceWith(0, state.doc.content.size, schema.nodes.paragraph.create()));
  },
});
