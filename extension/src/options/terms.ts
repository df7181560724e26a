/** Options: one client's dictionary terms — list, add, edit, remove, import from CSV. */
import { elementById, make } from '../shared/dom';
import { errorMessage } from '../shared/errors';
import { hostRequest } from '../shared/host-requests';
import type { Client, Term, TermListResult } from '../shared/protocol';
import { splitAliases, termsFromCsv, type CsvTerm } from './term-csv';

/** Aliases are typed comma-separated in the form. */
const TYPED_ALIAS_SEPARATOR = ',';

/** Every term of a client, page after page. */
async function allTerms(clientId: number): Promise<Term[]> {
  const terms: Term[] = [];
  let after: number | null = null;
  do {
    const page: TermListResult = await hostRequest('term_list', { client_id: clientId, after_id: after });
    terms.push(...page.terms);
    after = page.next_after_id;
  } while (after !== null);
  return terms;
}

/** The host names a bad imported term by its index (`terms[3].text: ...`); the user knows rows. */
function withRows(message: string, imported: readonly CsvTerm[]): string {
  return message.replace(/^terms\[(\d+)\]\.(\w+):/, (whole, index: string, field: string) => {
    const row = imported[Number(index)]?.row;
    return row === undefined ? whole : `row ${row}: the ${field}`;
  });
}

/** The terms panel: shows the terms of the client chosen in the clients list. */
export class TermsPanel {
  private client: Client | undefined;
  private readonly panel = elementById('terms-panel', HTMLElement);
  private readonly rows = elementById('terms', HTMLTableSectionElement);
  private readonly status = elementById('terms-status', HTMLElement);

  constructor() {
    elementById('add-term', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.add(event.target as HTMLFormElement);
    });
    elementById('import-terms', HTMLFormElement).addEventListener('submit', (event) => {
      event.preventDefault();
      void this.import();
    });
  }

  /** Shows `client`'s terms, or hides the panel when there is no client. */
  async show(client: Client | undefined): Promise<void> {
    this.client = client;
    this.panel.hidden = client === undefined;
    if (!client) return;
    elementById('terms-title', HTMLElement).textContent = `Terms of ${client.name}`;
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    if (!this.client) return;
    try {
      const terms = await allTerms(this.client.id);
      this.rows.replaceChildren(...terms.map((term) => this.row(term)));
      if (terms.length === 0) this.rows.append(make('tr', {}, make('td', { colSpan: 4, textContent: 'No terms yet.' })));
    } catch (error) {
      this.say(`Cannot list the terms: ${errorMessage(error)}`);
    }
  }

  private row(term: Term): HTMLTableRowElement {
    const edit = make('button', { type: 'button', textContent: 'Edit', ariaLabel: `Edit ${term.text}` });
    const remove = make('button', { type: 'button', textContent: 'Remove', ariaLabel: `Remove ${term.text}` });
    const row = make(
      'tr',
      {},
      make('td', { textContent: term.text }),
      make('td', { textContent: term.aliases.join(', ') }),
      make('td', { textContent: term.note }),
      make('td', {}, edit, remove),
    );
    edit.addEventListener('click', () => row.replaceWith(this.editor(term)));
    remove.addEventListener('click', () => void this.run(hostRequest('term_remove', { term_id: term.id }), `Removed ${term.text}.`));
    return row;
  }

  /** A row turned into a small form to change a term. */
  private editor(term: Term): HTMLTableRowElement {
    const text = make('input', { value: term.text, required: true, maxLength: 200, ariaLabel: 'Term' });
    const aliases = make('input', { value: term.aliases.join(', '), ariaLabel: 'Aliases, separated by commas' });
    const note = make('input', { value: term.note, ariaLabel: 'Note' });
    const save = make('button', { type: 'button', textContent: 'Save' });
    const cancel = make('button', { type: 'button', textContent: 'Cancel' });
    const row = make('tr', {}, make('td', {}, text), make('td', {}, aliases), make('td', {}, note), make('td', {}, save, cancel));
    save.addEventListener('click', () => {
      const change = hostRequest('term_update', {
        term_id: term.id,
        text: text.value.trim(),
        aliases: splitAliases(aliases.value, TYPED_ALIAS_SEPARATOR),
        note: note.value.trim(),
      });
      void this.run(change, `Saved ${text.value.trim()}.`);
    });
    cancel.addEventListener('click', () => row.replaceWith(this.row(term)));
    return row;
  }

  private async add(form: HTMLFormElement): Promise<void> {
    if (!this.client) return;
    const field = (id: string): string => elementById(id, HTMLInputElement).value.trim();
    const text = field('term-text');
    const request = hostRequest('term_add', {
      client_id: this.client.id,
      text,
      aliases: splitAliases(field('term-aliases'), TYPED_ALIAS_SEPARATOR),
      note: field('term-note'),
    });
    if (await this.run(request, `Added ${text}.`)) form.reset();
  }

  private async import(): Promise<void> {
    const file = elementById('terms-csv', HTMLInputElement).files?.[0];
    if (!this.client) return;
    if (!file) {
      this.say('Choose a CSV file first.');
      return;
    }
    let terms: CsvTerm[];
    try {
      terms = termsFromCsv(await file.text());
    } catch (error) {
      this.say(`Cannot read ${file.name}: ${errorMessage(error)}`);
      return;
    }
    try {
      const counts = await hostRequest('term_import', { client_id: this.client.id, terms: terms.map((t) => t.draft) });
      this.say(`Imported ${file.name}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged.`);
      elementById('import-terms', HTMLFormElement).reset();
      await this.refresh();
    } catch (error) {
      this.say(`Nothing was imported from ${file.name}: ${withRows(errorMessage(error), terms)}`);
    }
  }

  /** Runs a change, says how it went, and lists the terms again; resolves with whether it worked. */
  private async run(change: Promise<unknown>, done: string): Promise<boolean> {
    try {
      await change;
      this.say(done);
      await this.refresh();
      return true;
    } catch (error) {
      this.say(`That did not work: ${errorMessage(error)}`);
      await this.refresh();
      return false;
    }
  }

  private say(message: string): void {
    this.status.textContent = message;
  }
}
