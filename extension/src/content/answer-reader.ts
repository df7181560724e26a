/**
 * Reads the chatbot's answers for the restore view. It only reads: the answers go to the
 * background as the page shows them (with placeholders), and the real values never come back
 * here, so nothing the site can see changes.
 */
import { mayHoldPlaceholder } from '../shared/placeholders';

/** At most this many answers, the newest, are read: a long thread's first answers are scrolled far away. */
const MAX_ANSWERS = 100;

/**
 * The text of each answer matching `selector` that may hold a placeholder, oldest first. A site's
 * own selector and the generic one can both match an answer and an element inside it: only the
 * outermost counts, so no answer is read twice.
 */
export function readAnswers(selector: string): string[] {
  const matches = [...document.querySelectorAll<HTMLElement>(selector)];
  return outermost(matches, (outer, inner) => outer.contains(inner))
    .map((answer) => answer.innerText)
    .filter(mayHoldPlaceholder)
    .slice(-MAX_ANSWERS);
}

/** `items` without those that another item contains, in their order. */
export function outermost<T>(items: readonly T[], contains: (outer: T, inner: T) => boolean): T[] {
  return items.filter((item) => !items.some((other) => other !== item && contains(other, item)));
}
