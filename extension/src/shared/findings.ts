/** What the engine reports, as the wasm module hands it over (its types: wasm/src/lib.rs). */
import type { HushFinding } from 'hush-wasm';

/**
 * One finding: its kind, rule, `start`/`end` as UTF-16 offsets into the scanned text (as JS
 * strings index), confidence, severity, `label` (what it is, for people: "Email address",
 * "Client: Acme Corp") and, for a dictionary finding, its client.
 */
export type Finding = HushFinding;

/** How bad a leak would be. */
export type Severity = Finding['severity'];

/** Every severity, least to worst. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const satisfies readonly Severity[];

/** The worst severity among `findings`, or `undefined` when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst = -1;
  for (const f of findings) worst = Math.max(worst, SEVERITIES.indexOf(f.severity));
  return SEVERITIES[worst];
}

/** "2 sensitive items: Email address, IBAN": the count and the kinds, never a value. */
export function describeFindings(findings: readonly Finding[]): string {
  const labels = [...new Set(findings.map((f) => f.label))];
  return `${findings.length} sensitive item${findings.length === 1 ? '' : 's'}: ${labels.join(', ')}`;
}
