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

/**
 * One edit with the same effect as `edits` (non-overlapping, any order) on `text`: a replacement
 * of the span from the first edit's start to the last edit's end. Editors keep one undo step per
 * insertion, and "one Ctrl+Z brings the original back" is the promise; `undefined` when there is
 * nothing to edit.
 */
export function coveringEdit(text: string, edits: readonly TextEdit[]): TextEdit | undefined {
  if (edits.length === 0) return undefined;
  const start = Math.min(...edits.map((e) => e.start));
  const end = Math.max(...edits.map((e) => e.end));
  const shifted = edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  return { start, end, text: applyEdits(text.slice(start, end), shifted) };
}
