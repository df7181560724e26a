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
      button('Archive', () => void this.archive(client, true)),
    );
    return item;
  }

  /** An item turned into a small form to rename a client. */
  private renamer(client: Client): HTMLLIElement {
    const name = make('input', { value: client.name, required: true, maxLength: 100, ariaLabel: `New name for ${client.name}` });
    const save = make('button', { type: 'submit', textContent: 'Save' });
    const cancel = make('button', { type: 'button', textContent: 'Cancel' });
    const form = make('form', {}, name, save, cancel);
    const item = make('li', {}, form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const renamed = name.value.trim();
      void this.run(hostRequest('client_rename', { client_id: client.id, name: renamed }), `Renamed ${client.name} to ${renamed}.`);
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
