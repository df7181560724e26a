/**
 * Options: the clients — list, create, rename, archive or restore —, which one's terms are shown,
 * and whether every client's terms are flagged or only the active client's.
 */
import { elementById, make } from '../shared/dom';
import { errorMessage } from '../shared/errors';
import { hostRequest } from '../shared/host-requests';
import type { Client } from '../shared/protocol';
import { flagsEveryClient, setFlagsEveryClient } from '../shared/settings';
import type { TermsPanel } from './terms';

/** The clients list; tells `onChange` the current clients after every change (the audit filter lists them). */
export class ClientsSection {
  private readonly list = elementById('clients', HTMLUListElement);
  private readonly status = elementById('clients-status', HTMLElement);
  private shownTermsOf: number | undefined;

  constructor(
    private readonly terms: TermsPanel,
    private readonly onChange: (clients: readonly Client[]) => void,
  ) {
    const everyClient = elementById('every-client', HTMLInputElement);
    void flagsEveryClient().then((every) => (everyClient.checked = every));
    everyClient.addEventListener('change', () => void setFlagsEveryClient(everyClient.checked));
    const form = elementById('add-client', HTMLFormElement);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = elementById('client-name', HTMLInputElement).value.trim();
      void this.run(hostRequest('client_create', { name }), `Added ${name}.`).then((ok) => ok && form.reset());
    });
  }

  /** Lists the clients again from the host. */
  async refresh(): Promise<void> {
    try {
      const { clients } = await hostRequest('client_list', { include_archived: true });
      this.list.replaceChildren(...clients.map((client) => this.item(client)));
      if (clients.length === 0) this.list.append(make('li', { textContent: 'No clients yet.' }));
      const shown = clients.find((c) => c.id === this.shownTermsOf && !c.archived);
      await this.terms.show(shown);
      this.onChange(clients);
    } catch (error) {
      this.say(`Cannot list your clients: ${errorMessage(error)}`);
    }
  }

  private item(client: Client): HTMLLIElement {
    const name = make('span', { className: 'name', textContent: client.archived ? `${client.name} (archived)` : client.name });
    const item = make('li', {}, name);
    if (client.alias) item.append(make('span', { className: 'alias', textContent: `redacted as [${client.alias}]` }));
    const button = (label: string, action: () => void): HTMLButtonElement => {
      const b = make('button', { type: 'button', textContent: label, ariaLabel: `${label}: ${client.name}` });
      b.addEventListener('click', action);
      return b;
    };
    if (client.archived) {
      item.append(button('Restore', () => void this.archive(client, false)));
      return item;
    }
    item.append(
      button('Terms', () => {
        this.shownTermsOf = client.id;
        void this.terms.show(client);
      }),
      button('Rename', () => item.replaceWith(this.renamer(client))),
      button('Alias', () => item.replaceWith(this.aliaser(client))),
      button('Archive', () => void this.archive(client, true)),
    );
    return item;
  }

  /** An item turned into a small form to rename a client. */
  private renamer(client: Client): HTMLLIElement {
    return this.inlineForm(client, { value: client.name, label: `New name for ${client.name}`, required: true, maxLength: 100 }, (renamed) =>
      this.run(hostRequest('client_rename', { client_id: client.id, name: renamed }), `Renamed ${client.name} to ${renamed}.`),
    );
  }

  /** An item turned into a small form to choose the word the client's name is redacted as. */
  private aliaser(client: Client): HTMLLIElement {
    const label = `Alias for ${client.name} (blank for a numbered placeholder)`;
    return this.inlineForm(client, { value: client.alias ?? '', label, required: false, maxLength: 32 }, (alias) =>
      this.run(
        hostRequest('client_set_alias', { client_id: client.id, alias }),
        alias === '' ? `${client.name} is redacted with a numbered placeholder.` : `${client.name} is redacted under its alias.`,
      ),
    );
  }

  /** An item turned into a one-field form; Save gives `save` the trimmed value, Cancel puts the item back. */
  private inlineForm(
    client: Client,
    field: { value: string; label: string; required: boolean; maxLength: number },
    save: (value: string) => Promise<boolean>,
  ): HTMLLIElement {
    const input = make('input', { value: field.value, required: field.required, maxLength: field.maxLength, ariaLabel: field.label });
    const cancel = make('button', { type: 'button', textContent: 'Cancel' });
    const form = make('form', {}, input, make('button', { type: 'submit', textContent: 'Save' }), cancel);
    const item = make('li', {}, form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void save(input.value.trim());
    });
    cancel.addEventListener('click', () => item.replaceWith(this.item(client)));
    return item;
  }

  private archive(client: Client, archived: boolean): Promise<boolean> {
    const done = archived ? `Archived ${client.name}: its terms are no longer checked.` : `Restored ${client.name}.`;
    return this.run(hostRequest('client_archive', { client_id: client.id, archived }), done);
  }

  /** Runs a change, says how it went, and lists the clients again; resolves with whether it worked. */
  private async run(change: Promise<unknown>, done: string): Promise<boolean> {
    try {
      await change;
      this.say(done);
      return true;
    } catch (error) {
      this.say(`That did not work: ${errorMessage(error)}`);
      return false;
    } finally {
      await this.refresh();
    }
  }

  private say(message: string): void {
    this.status.textContent = message;
  }
}
