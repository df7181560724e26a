/**
 * Restored texts as the engine cuts them: pieces as written and real values that stood as
 * placeholders. Which bracketed words are Hush's placeholders, and what they stand for, only the
 * engine knows (engine/src/redact.rs); this module only puts the pieces back together.
 */
import type { HushRestoredPiece } from 'hush-wasm';

/** A piece of a restored text: as written, or a real value that stood there as `placeholder`. */
export type RestoredPiece = HushRestoredPiece;

/**
 * Whether `text` may hold a placeholder: every placeholder is a word in square brackets. A cheap
 * check for the content script, which sends the background only the answers worth restoring.
 */
export function mayHoldPlaceholder(text: string): boolean {
  return text.includes('[');
}

/** The text `pieces` make together. */
export function joinPieces(pieces: readonly RestoredPiece[]): string {
  return pieces.map((piece) => piece.text).join('');
}

/** Whether any of `pieces` is a restored value. */
export function restoresAnything(pieces: readonly RestoredPiece[]): boolean {
  return pieces.some((piece) => piece.placeholder !== undefined);
}
