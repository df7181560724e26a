/** The popup's first lines: whether Hush guards the current tab, and what it found there. */
import type { PageStatus } from '../shared/messages';
import type { ModeInEffect } from '../shared/settings';
import { SITE_MODES } from '../shared/sites';

/** What the popup knows about the current tab's site. */
export interface SiteView {
  /** Whether the site is a known chat site or one the user added. */
  guarded: boolean;
  /** Whether the user paused Hush on it. */
  paused: boolean;
  /** What the content script last reported. */
  status: PageStatus | null;
  /** The site's mode and why, for a guarded site. */
  mode?: ModeInEffect;
}

/** How a status line looks: `bad` is red, for a guarded page that is not protected. */
export type Tone = 'ok' | 'warn' | 'bad' | 'idle';

const REASONS = {
  'no-prompt-box': 'Hush cannot find the prompt box on this page. The site may have changed; what you type here is not checked.',
  'engine-unavailable': 'The detection engine is not answering; what you type here is not checked.',
} as const;

/** The status line for a site. */
export function describeSite({ guarded, paused, status }: SiteView): { text: string; tone: Tone } {
  if (guarded && paused) return { text: 'Paused on this site: what you type here is not checked.', tone: 'idle' };
  if (!guarded) return { text: 'Hush does not guard this page.', tone: 'idle' };
  // A status from before the user resumed Hush says "paused": a fresh report is on its way.
  if (!status || status.state === 'paused') return { text: 'Guarded: waiting for the prompt box.', tone: 'ok' };
  if (status.state === 'unprotected') return { text: `Not protected. ${REASONS[status.reason]}`, tone: 'bad' };
  const n = status.findings.length;
  if (n === 0) return { text: 'Guarded: nothing sensitive in the prompt box.', tone: 'ok' };
  return { text: `Guarded: ${n} sensitive item${n === 1 ? '' : 's'} in the prompt box.`, tone: 'warn' };
}

/** "Email address ×2" lines for the findings in the box: labels only, never the values. */
export function findingLines({ paused, status }: SiteView): string[] {
  if (paused || status?.state !== 'guarded') return [];
  const counts = new Map<string, number>();
  for (const f of status.findings) counts.set(f.label, (counts.get(f.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${n}` : label));
}

/** "Mode: Redact pastes, ask before sending. Kimi is a consumer chat: …", or nothing off guarded sites. */
export function describeMode({ guarded, paused, mode }: SiteView): string {
  if (!guarded || paused || !mode) return '';
  const label = SITE_MODES.find((m) => m.mode === mode.mode)?.label ?? mode.mode;
  return `Mode: ${label}. ${mode.reason}`;
}
