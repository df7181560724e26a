/** What the extension knows about the native host, kept in session storage for every context. */

/** The host's state as the background last saw it. */
export type HostState =
  | {
      state: 'connected';
      protocol: number;
      hostVersion: string;
      /** The dictionary the engine uses now: how many clients and terms it holds. */
      dictionary: { clients: number; terms: number };
      /** The active client's id, if one is chosen. */
      activeClientId: number | null;
      /** Audit events waiting in the extension for the host. */
      queuedEvents: number;
    }
  | {
      /** The host and the extension speak no common protocol version. */
      state: 'incompatible';
      /** What to update, in words for the user. */
      message: string;
    }
  | {
      state: 'unavailable';
      error: string;
      /** Audit events waiting in the extension for the host. */
      queuedEvents: number;
    };

const STATE_KEY = 'host';

/** The last recorded host state, `undefined` before the first connection attempt. */
export async function hostState(): Promise<HostState | undefined> {
  return (await chrome.storage.session.get(STATE_KEY))[STATE_KEY] as HostState | undefined;
}

/** Records the host's state. */
export function recordHostState(state: HostState): Promise<void> {
  return chrome.storage.session.set({ [STATE_KEY]: state });
}
