/** What the engine reports, as the wasm module hands it over (see wasm/src/lib.rs). */

/** The engine's finding kinds (engine/src/finding.rs). */
export type FindingKind =
  | 'EMAIL'
  | 'PHONE'
  | 'CREDIT_CARD'
  | 'IBAN'
  | 'NATIONAL_ID'
  | 'IP_ADDRESS'
  | 'SECRET'
  | 'URL_CREDENTIALS'
  | 'MONEY'
  | 'DATE_OF_BIRTH'
  | 'ADDRESS'
  | 'PERSON'
  | 'CLIENT_TERM'
  | 'CUSTOM';

/** How bad a leak would be, least to worst. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One finding; `start`/`end` are UTF-16 offsets into the scanned text, as JS strings index. */
export interface Finding {
  kind: FindingKind;
  rule: string;
  start: number;
  end: number;
  confidence: number;
  severity: Severity;
  /** What it is, for people: "Email address", "Client: Acme Corp". */
  label: string;
  /** The client a dictionary finding belongs to. */
  client?: string;
}

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
