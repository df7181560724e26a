// A Lexical prompt box like kimi.com's: `.chat-input-editor[data-lexical-editor="true"]` (Lexical
// sets the data attribute itself), rich text with history. Enter sends; Shift+Enter is Lexical's
// own line break (a LineBreakNode, <br>, inside the paragraph); pasted text with newlines becomes
// separate paragraphs.
import { $createParagraphNode, $getRoot, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mustFind, startChat } from './lib/chat';

/** The merge window of @lexical/react's HistoryPlugin, which chat sites get by default. */
const HISTORY_DELAY_MS = 1000;

const root = mustFind('.chat-input-editor');

const editor = createEditor({
  namespace: 'hush-test-chat',
  // Rich-text paste can create headings and quotes; Lexical refuses nodes it was not told about.
  nodes: [HeadingNode, QuoteNode],
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(root);

const send = startChat({
  kind: 'lexical',
  element: () => root,
  // $getRoot().getTextContent() puts '\n\n' between paragraphs (Lexical 0.52); the tests and Hush
  // count one '\n' per paragraph break, so join the paragraphs' own text with '\n'. Line breaks
  // inside a paragraph already read as '\n'.
  text: () =>
    editor.getEditorState().read(() =>
      $getRoot()
        .getChildren()
        .map((block) => block.getTextContent())
        .join('\n'),
    ),
  focus: () => editor.focus(),
  clear: emptyPrompt,
});

/** Leaves one empty paragraph, as @lexical/react's plugins do: editor.focus() ignores an empty root. */
function emptyPrompt(): void {
  editor.update(
    () => {
      $getRoot().clear().append($createParagraphNode());
    },
    { discrete: true },
  );
}

emptyPrompt();

registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), HISTORY_DELAY_MS);
// Runs before rich text's own Enter handler, which would start a new paragraph.
editor.registerCommand(
  KEY_ENTER_COMMAND,
  (event) => {
    if (event === null || event.shiftKey) return false;
    event.preventDefault();
    send();
    return true;
  },
  COMMAND_PRIORITY_HIGH,
);
