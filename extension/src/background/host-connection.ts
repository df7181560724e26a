/**
 * The one connection to the native host (hush-host): request/reply with ids over a native
 * messaging port, the protocol handshake, and reconnection with backoff when the host goes away.
 * The host is optional: while it is away every request fails at once with a clear error, and the
 * owner is told so that the extension can say so and keep guarding with its built-in detectors.
 */
import { PROTOCOL_VERSION, type HandshakeResult, type ReplyTo, type RequestBodies, type RequestType, type ResultBodies } from '../shared/protocol';

/** The native messaging host's registered name (manifests/native-host/). */
export const HOST_NAME = 'org.hush_guard.host';
/** The protocol versions this extension speaks. */
const OUR_VERSIONS = [PROTOCOL_VERSION];
/** First wait before reconnecting; doubled after each failure up to MAX_RETRY_MS. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
/** A request the host has not answered in this time fails (the host keeps serving others). */
const REQUEST_TIMEOUT_MS = 30_000;

/** What the connection tells its owner. */
export interface HostConnectionEvents {
  /** The handshake succeeded. */
  connected(handshake: HandshakeResult): void;
  /** The host is not there, or went away; a reconnection is scheduled. */
  lost(error: string): void;
  /** The host speaks no protocol version this extension speaks; no reconnection is tried. */
  incompatible(message: string): void;
}

/** A request failed: the host's own words, or why it could not be asked. */
export class HostError extends Error {
  constructor(
    message: string,
    /** The protocol's error code (`not_found`, `conflict` ...), or `unavailable`. */
    readonly code: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: HostError): void;
  timer: ReturnType<typeof setTimeout>;
}

/** One connection to hush-host that reconnects by itself. */
export class HostConnection {
  private port: chrome.runtime.Port | undefined;
  private ready = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly events: HostConnectionEvents) {}

  /** Whether the handshake succeeded and the port is open. */
  get connected(): boolean {
    return this.ready;
  }

  /** Opens the port and shakes hands (does nothing while a port is open). */
  connect(): void {
    if (this.port) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    let port: chrome.runtime.Port;
    try {
      port = chrome.runtime.connectNative(HOST_NAME);
    } catch (error) {
      this.lose(error instanceof Error ? error.message : String(error));
      return;
    }
    this.port = port;
    port.onMessage.addListener((message: unknown) => this.receive(message));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.lose(chrome.runtime.lastError?.message ?? 'the host closed the connection');
    });
    this.send('handshake', { versions: OUR_VERSIONS }, true).then(
      (handshake) => {
        this.ready = true;
        this.retryMs = FIRST_RETRY_MS;
        this.events.connected(handshake);
      },
      (error: unknown) => {
        if (error instanceof HostError && error.code === 'unsupported_version') {
          this.close();
          this.events.incompatible(whatToUpdate(error.message));
        }
        // Any other failure arrives through onDisconnect as well.
      },
    );
  }

  /** Sends one request and resolves with its result; rejects with a HostError. */
  request<T extends RequestType>(type: T, body: RequestBodies[T]): Promise<ResultBodies[T]> {
    return this.send(type, body, false);
  }

  private send<T extends RequestType>(type: T, body: RequestBodies[T], handshake: boolean): Promise<ResultBodies[T]> {
    const port = this.port;
    if (!port || (!this.ready && !handshake)) {
      return Promise.reject(new HostError('The Hush native host is not connected.', 'unavailable'));
    }
    const id = this.nextId++;
    return new Promise<ResultBodies[T]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new HostError('The Hush native host did not answer in time.', 'unavailable'));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve: (result) => resolve(result as ResultBodies[T]), reject, timer });
      try {
        port.postMessage({ ...body, id, type });
      } catch (error) {
        this.settle(id, () => new HostError(error instanceof Error ? error.message : String(error), 'unavailable'));
      }
    });
  }

  private receive(message: unknown): void {
    if (typeof message !== 'object' || message === null || !('id' in message) || typeof message.id !== 'number') return;
    const reply = message as ReplyTo<RequestType>;
    const id = message.id;
    if (reply.ok) {
      const { id: _id, ok: _ok, ...result } = reply;
      this.settle(id, undefined, result);
    } else {
      this.settle(id, () => new HostError(reply.error.message, reply.error.code));
    }
  }

  private settle(id: number, error: (() => HostError) | undefined, result?: unknown): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (error) pending.reject(error());
    else pending.resolve(result);
  }

  /** Closes the port without reconnecting. */
  private close(): void {
    const port = this.port;
    this.port = undefined;
    this.ready = false;
    port?.disconnect();
    for (const id of [...this.pending.keys()]) this.settle(id, () => new HostError('The Hush native host went away.', 'unavailable'));
  }

  private lose(error: string): void {
    this.close();
    this.events.lost(error);
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}

/** "Update the Hush native host ..." or "Update the Hush extension ...", from the host's refusal. */
export function whatToUpdate(refusal: string): string {
  const hostVersions = (/version[s]? ([\d, ]+)/.exec(refusal)?.[1] ?? '')
    .split(',')
    .filter((v) => v.trim() !== '')
    .map((v) => Number(v.trim()))
    .filter((v) => Number.isInteger(v) && v >= 0);
  const ours = OUR_VERSIONS.join(', ');
  if (hostVersions.length > 0 && Math.max(...hostVersions) < Math.min(...OUR_VERSIONS)) {
    return `The Hush native host is older than this extension (it speaks protocol ${hostVersions.join(', ')}, the extension ${ours}). Update hush-host: rebuild it and run "hush-host install".`;
  }
  return `The Hush extension is older than its native host (the host speaks protocol ${hostVersions.join(', ') || 'newer versions'}, the extension ${ours}). Update the Hush extension.`;
}
