/**
 * The list of restored answers, newest first: each with the real values marked (their placeholder
 * in the tooltip) and a Copy button that puts the restored text on the clipboard.
 */
import { make } from '../shared/dom';
import type { RestoredAnswer } from '../shared/messages';
import { joinPieces } from '../shared/placeholders';

/** How long a Copy button says how the copy went before it reads "Copy" again. */
const OUTCOME_MS = 2000;

/** Renders answers into an `<ol>`, re-rendering only when they change (so a selection survives a refresh). */
export class AnswerList {
  private shown = '';

  constructor(private readonly list: HTMLOListElement) {}

  /** Shows `answers` (oldest first, as the background gives them) newest first. */
  show(answers: readonly RestoredAnswer[]): void {
    const key = JSON.stringify(answers);
    if (key === this.shown) return;
    this.shown = key;
    this.list.replaceChildren(...[...answers].reverse().map((answer) => this.item(answer)));
  }

  private item(answer: RestoredAnswer): HTMLLIElement {
    const text = make(
      'p',
      { className: 'answer-text' },
      ...answer.pieces.map((piece) =>
        piece.placeholder === undefined ? piece.text : make('mark', { textContent: piece.text, title: `Shown on the page as ${piece.placeholder}` }),
      ),
    );
    const copy = make('button', { type: 'button', textContent: 'Copy', title: 'Copy this answer with the real values' });
    copy.addEventListener('click', () => void this.copy(copy, joinPieces(answer.pieces)));
    return make('li', { className: 'answer' }, text, copy);
  }

  /** Copies `text`; the button says how it went, and why when it failed (in its tooltip). */
  private async copy(button: HTMLButtonElement, text: string): Promise<void> {
    const title = button.title;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
    } catch (error) {
      button.textContent = 'Copy failed';
      button.title = `The browser refused: ${error instanceof Error ? error.message : String(error)}`;
    }
    setTimeout(() => {
      button.textContent = 'Copy';
      button.title = title;
    }, OUTCOME_MS);
  }
}
