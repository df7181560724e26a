/** Options: the audit log, filtered by client and dates, a page at a time, and its exports. */
import { elementById, make } from '../shared/dom';
import { errorMessage } from '../shared/errors';
import { hostRequest } from '../shared/host-requests';
import type { AuditAction, AuditRow, Client, ExportFormat } from '../shared/protocol';
import { saveExport } from './audit-export';

const PAGE_SIZE = 100;

const ACTIONS: Record<AuditAction, string> = {
  flagged: 'Flagged',
  redacted: 'Redacted',
  paste_redacted: 'Redacted on paste',
  ignored: 'Ignored',
  allowed: 'Allowed',
  sent_with_findings: 'Sent anyway',
  blocked: 'Blocked',
};

/** "EMAIL ×2, SECRET": what a row found, by kind; never a value (rows hold none). */
function kinds(row: AuditRow): string {
  const counts = new Map<string, number>();
  for (const f of row.findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ');
}

/** The audit section: a filter form, the rows, "Show older", and the export buttons. */
export class AuditSection {
  private readonly clientFilter = elementById('audit-client', HTMLSelectElement);
  private readonly from = elementById('audit-from', HTMLInputElement);
  private readonly to = elementById('audit-to', HTMLInputElement);
  private readonly rows = elementById('audit-rows', HTMLTableSectionElement);
  private readonly more = elementById('audit-more', HTMLButtonElement);
  private readonly status = elementById('audit-status', HTMLElement);
  private clientNames = new Map<number, string>();
  private nextBefore: number | null = null;

  constructor() {
    elementById('audit-filter', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.load(false);
    });
    this.more.addEventListener('click', () => void this.load(true));
    for (const format of ['csv', 'json', 'html'] as const) {
      elementById(`export-${format}`, HTMLButtonElement).addEventListener('click', () => void this.export(format));
    }
  }

  /** Lists `clients` in the filter (keeping the choice) and shows the rows again. */
  async setClients(clients: readonly Client[]): Promise<void> {
    const chosen = this.clientFilter.value;
    this.clientNames = new Map(clients.map((c) => [c.id, c.name]));
    this.clientFilter.replaceChildren(
      new Option('All clients', ''),
      ...clients.map((c) => new Option(c.archived ? `${c.name} (archived)` : c.name, String(c.id))),
    );
    this.clientFilter.value = this.clientNames.has(Number(chosen)) ? chosen : '';
    await this.load(false);
  }

  private filter(): { client_id: number | null; from: string | null; to: string | null } {
    const clientId = this.clientFilter.value === '' ? null : Number(this.clientFilter.value);
    return { client_id: clientId, from: this.from.value || null, to: this.to.value || null };
  }

  /** Shows the newest rows matching the filter, or with `older` the page after those shown. */
  private async load(older: boolean): Promise<void> {
    try {
      const page = await hostRequest('audit_query', { ...this.filter(), before_seq: older ? this.nextBefore : null, limit: PAGE_SIZE });
      const rows = page.rows.map((row) => this.row(row));
      if (older) this.rows.append(...rows);
      else this.rows.replaceChildren(...rows);
      this.nextBefore = page.next_before_seq;
      this.more.hidden = page.next_before_seq === null;
      const shown = this.rows.childElementCount;
      this.say(shown === 0 ? 'No audit rows match.' : `${shown} row${shown === 1 ? '' : 's'} shown, newest first.`);
    } catch (error) {
      this.say(`Cannot read the audit log: ${errorMessage(error)}`);
    }
  }

  private row(row: AuditRow): HTMLTableRowElement {
    const client = row.client_id === null ? 'No client' : (this.clientNames.get(row.client_id) ?? `Client ${row.client_id}`);
    return make(
      'tr',
      {},
      make('td', {}, make('time', { dateTime: row.at, textContent: new Date(row.at).toLocaleString() })),
      make('td', { textContent: client }),
      make('td', { textContent: row.site }),
      make('td', { textContent: ACTIONS[row.action] }),
      make('td', { textContent: kinds(row) }),
    );
  }

  private async export(format: ExportFormat): Promise<void> {
    const { client_id, from, to } = this.filter();
    if (client_id === null) {
      this.say('Choose a client first: an export is for one client.');
      return;
    }
    this.say(`Preparing the ${format.toUpperCase()} export…`);
    try {
      const saved = await saveExport({ client_id, from, to, format });
      this.say(`Saved ${saved.fileName} to your downloads.`);
    } catch (error) {
      this.say(`The export failed: ${errorMessage(error)}`);
    }
  }

  private say(message: string): void {
    this.status.textContent = message;
  }
}
