/**
 * Placeholders as the engine writes them (`[EMAIL_1]`, `[ACME]`): an upper-case ASCII word in
 * square brackets, the shape engine/src/redact.rs restores. Only the engine knows which ones it
 * made and what they stand for; this module only finds the shape and cuts text around it.
 */

/** Anything shaped like a placeholder: `[`, an upper-case letter, upper-case letters, digits or `_`, `]`. */
const PLACEHOLDER = /\[[A-Z][A-Z0-9_]*\]/g;

/** Whether `text` mentions something shaped like a placeholder (Hush's or not). */
export function mentionsPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/** A piece of a restored text: as written, or a real value that stood there as `placeholder`. */
export interface RestoredPiece {
  text: string;
  placeholder?: string;
}

/**
 * `text` cut into pieces, every placeholder that `valueOf` knows replaced by its value (and
 * named in the piece); the pieces joined are the restored text. `valueOf` answers undefined for a
 * placeholder it did not make, which then stays in the text as written.
 */
export function restorePieces(text: string, valueOf: (placeholder: string) => string | undefined): RestoredPiece[] {
  const pieces: RestoredPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const value = valueOf(match[0]);
    if (value === undefined) continue;
    if (match.index > at) pieces.push({ text: text.slice(at, match.index) });
    pieces.push({ text: value, placeholder: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** The text `pieces` make together. */
export function joinPieces(pieces: readonly RestoredPiece[]): string {
  return pieces.map((piece) => piece.text).join('');
}

/** Whether any of `pieces` is a restored value. */
export function restoresAnything(pieces: readonly RestoredPiece[]): boolean {
  return pieces.some((piece) => piece.placeholder !== undefined);
}
