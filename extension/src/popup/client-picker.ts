/** The popup's active-client picker: whose work the user is doing now (audit events name that client). */
import { errorMessage } from '../shared/errors';
import { hostRequest } from '../shared/host-requests';
import type { HostState } from '../shared/host-state';

/** The value of the "No client" option. */
const NONE = '';

/** The picker's elements: the select, and a line for explanations and errors. */
export interface PickerElements {
  select: HTMLSelectElement;
  note: HTMLElement;
}

/** Fills and wires the picker; call `show` again whenever the host's state changes. */
export class ClientPicker {
  constructor(private readonly ui: PickerElements) {
    ui.select.addEventListener('change', () => void this.choose());
  }

  /** Lists the clients when the host is connected; otherwise hides the picker and says why. */
  async show(host: HostState | undefined): Promise<void> {
    const { select, note } = this.ui;
    if (host?.state !== 'connected') {
      select.hidden = true;
      note.textContent = 'Choosing a client needs the Hush native host, which is not connected.';
      return;
    }
    try {
      const { clients, active_client_id } = await hostRequest('client_list', {});
      select.replaceChildren(
        new Option('No client', NONE),
        ...clients.map((client) => new Option(client.name, String(client.id))),
      );
      select.value = active_client_id === null ? NONE : String(active_client_id);
      select.hidden = false;
      const active = clients.find((client) => client.id === active_client_id);
      note.textContent = active ? workingFor(active) : clients.length ? '' : 'No clients yet: add them in Settings.';
    } catch (error) {
      select.hidden = true;
      note.textContent = `Cannot list your clients: ${errorMessage(error)}`;
    }
  }

  private async choose(): Promise<void> {
    const { select, note } = this.ui;
    const clientId = select.value === NONE ? null : Number(select.value);
    try {
      const { client } = await hostRequest('active_client_set', { client_id: clientId });
      note.textContent = client ? workingFor(client) : 'No client is active.';
    } catch (error) {
      note.textContent = `Could not change the active client: ${errorMessage(error)}`;
    }
  }
}

/** The note under the picker while a client is active. */
function workingFor(client: { name: string }): string {
  return `Working for ${client.name}.`;
}
