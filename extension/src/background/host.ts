/**
 * The native host as the rest of the background sees it: one connection kept open, the client
 * dictionary kept in step with the host's (within a second of any change, wherever it was made),
 * the audit queue delivered whenever the host is there, and the host's state recorded for the
 * popup. Without the host Hush keeps guarding with its built-in detectors.
 */
import type { HostReply } from '../shared/host-requests';
import { recordHostState, type HostState } from '../shared/host-state';
import { onClientScopeChanged } from '../shared/settings';
import type { AuditEventInput, RequestBodies, RequestType } from '../shared/protocol';
import { AuditQueue } from './audit-queue';
import { dictionaryRevision, fetchDictionary } from './dictionary-sync';
import { setDictionary } from './engine';
import { HostConnection, HostError } from './host-connection';

/** How often the host's dictionary revision is checked while connected. */
const REVISION_POLL_MS = 1_000;
/** Requests that change clients, terms, rules or the active client: the dictionary is rebuilt after each. */
const CHANGES_DICTIONARY = /^(client_|term_(add|update|remove|import)|rule_(add|update|remove)|active_client_set)/;

let state: HostState = { state: 'unavailable', error: 'not connected yet', queuedEvents: 0 };
let revision: number | undefined;
let activeClientId: number | null = null;
let poll: ReturnType<typeof setInterval> | undefined;

const queue = new AuditQueue((queuedEvents) => update({ queuedEvents }));
const connection = new HostConnection({
  connected: (handshake) => {
    state = {
      state: 'connected',
      protocol: handshake.protocol,
      hostVersion: handshake.host_version,
      dictionary: { clients: 0, terms: 0 },
      activeClientId,
      queuedEvents: 'queuedEvents' in state ? state.queuedEvents : 0,
    };
    void publish();
    void syncDictionary(true);
    void flushQueue();
    clearInterval(poll);
    poll = setInterval(() => void syncDictionary(false), REVISION_POLL_MS);
  },
  lost: (error) => {
    clearInterval(poll);
    state = { state: 'unavailable', error, queuedEvents: 'queuedEvents' in state ? state.queuedEvents : 0 };
    void publish();
  },
  incompatible: (message) => {
    clearInterval(poll);
    state = { state: 'incompatible', message };
    void publish();
  },
});

/** Connects to the host (and keeps reconnecting); call once when the background starts. */
export function startHost(): void {
  void queue.length().then((queuedEvents) => update({ queuedEvents }));
  onClientScopeChanged(() => void syncDictionary(true));
  connection.connect();
}

/** Records an audit event (the active client is added here) and delivers it when it can. */
export async function recordAuditEvent(event: Omit<AuditEventInput, 'client_id'>): Promise<void> {
  await queue.add({ ...event, client_id: activeClientId });
  void flushQueue();
}

/** Forwards a request from one of Hush's own pages to the host. */
export async function forwardHostRequest(type: RequestType, body: object): Promise<HostReply> {
  try {
    const result = await connection.request(type, body as RequestBodies[typeof type]);
    if (CHANGES_DICTIONARY.test(type)) await syncDictionary(true);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: error instanceof HostError ? error.message : `Unexpected failure: ${String(error)}` };
  }
}

/** Rebuilds the engine's dictionary when the host's revision moved (or always, with `force`). */
async function syncDictionary(force: boolean): Promise<void> {
  if (!connection.connected) return;
  try {
    if (!force && revision !== undefined && (await dictionaryRevision(connection)) === revision) return;
    const synced = await fetchDictionary(connection);
    await setDictionary(synced.dictionary);
    revision = synced.revision;
    activeClientId = synced.activeClientId;
    update({ dictionary: synced.counts, activeClientId });
  } catch (error) {
    // The host went away (the connection reports it) or a term cannot be compiled: the engine
    // keeps the dictionary it had. The message names terms by position, never by value.
    console.warn('hush: the client dictionary was not updated:', error instanceof Error ? error.message : error);
  }
}

async function flushQueue(): Promise<void> {
  if (!connection.connected) return;
  await queue.flush(connection).catch((error: unknown) => {
    console.warn('hush: audit events wait for the host:', error instanceof Error ? error.message : error);
  });
}

function update(fields: Partial<{ queuedEvents: number; dictionary: { clients: number; terms: number }; activeClientId: number | null }>): void {
  if (state.state === 'incompatible') return;
  if (state.state === 'connected') state = { ...state, ...fields };
  else if (fields.queuedEvents !== undefined) state = { ...state, queuedEvents: fields.queuedEvents };
  void publish();
}

function publish(): Promise<void> {
  return recordHostState(state);
}
