/** What the restore view says about a chat tab's answers, as pure functions of the background's answer. */
import type { RestoreAnswersResult, RestoreProblem } from '../shared/messages';

/** The status line's tone, as the popup and the options page colour it. */
export type Tone = 'idle' | 'ok' | 'bad';

const PROBLEMS: Record<RestoreProblem, string> = {
  'not-allowed': 'Only Hush\'s own pages can show answers with the real values.',
  'tab-closed': 'The chat tab this view was showing is closed.',
  unreadable: 'Hush cannot read this tab. If it is a chat page, reload it and try again.',
  'not-guarded': 'Hush does not guard this site, so it made no placeholders here.',
  'engine-unavailable': 'Hush\'s detection engine is not answering; try again in a moment.',
};

/** The status line for `result` (null: the background did not answer). */
export function describeResult(result: RestoreAnswersResult | null): { text: string; tone: Tone } {
  if (result === null) return { text: 'Hush\'s background did not answer; try again in a moment.', tone: 'bad' };
  if (!result.ok) {
    const detail = result.detail === undefined ? '' : ` (${result.detail})`;
    return { text: `${PROBLEMS[result.problem]}${detail}`, tone: result.problem === 'not-guarded' ? 'idle' : 'bad' };
  }
  const n = result.answers.length;
  if (n === 0) return { text: 'No answer on this page mentions a placeholder Hush made yet.', tone: 'idle' };
  return { text: `${n} answer${n === 1 ? '' : 's'} with the real values, newest first.`, tone: 'ok' };
}
