/**
 * What the content script tells the audit log: each flag, redaction, paste redaction, ignore and
 * allow, with the kinds and rules found and the values (which only the native host sees, and
 * only to fingerprint them). A value is reported as flagged once per page, after typing pauses,
 * so that an address being typed is not flagged once per keystroke.
 */
import type { Finding } from '../shared/findings';
import type { AuditAction } from '../shared/protocol';
import { send } from '../shared/messaging';

/** Typing must pause this long before what is flagged is reported. */
const FLAG_AFTER_IDLE_MS = 2_000;

/** Reports audit events for one page. */
export class AuditReporter {
  private readonly flagged = new Set<string>();
  private flagTimer: ReturnType<typeof setTimeout> | undefined;

  /** The box now holds `findings` in `text`: report the new ones once typing pauses. */
  scanned(text: string, findings: readonly Finding[]): void {
    clearTimeout(this.flagTimer);
    this.flagTimer = setTimeout(() => {
      const fresh = findings.filter((f) => !this.flagged.has(identity(text, f)));
      for (const f of fresh) this.flagged.add(identity(text, f));
      this.record('flagged', text, fresh);
    }, FLAG_AFTER_IDLE_MS);
  }

  /** Reports `action` on `findings` (offsets into `text`); nothing when there are none. */
  record(action: AuditAction, text: string, findings: readonly Finding[]): void {
    if (findings.length === 0) return;
    const audited = findings.map((f) => ({ kind: f.kind, rule: f.rule, value: text.slice(f.start, f.end) }));
    send({ kind: 'audit', action, findings: audited }).catch(() => undefined);
  }
}

function identity(text: string, finding: Finding): string {
  return `${finding.kind}\u0000${text.slice(finding.start, finding.end)}`;
}
