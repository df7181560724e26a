/** Pure arithmetic on text edits, kept apart from the DOM so it can be unit-tested. */
import type { TextEdit } from './prompt-box';

/**
 * Where a caret at `caret` belongs after `edits` (offsets into the text before the edits): it
 * moves with the text around it, and a caret inside a replaced span lands after the replacement.
 */
export function caretAfterEdits(caret: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (caret >= edit.end) shift += edit.text.length - (edit.end - edit.start);
    else if (caret > edit.start) return edit.start + edit.text.length + shift;
  }
  return caret + shift;
}

/** `text` with `edits` applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
