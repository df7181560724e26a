/**
 * Audit events on their way to the host. Every event is queued in extension storage first and
 * delivered in order, in batches; the host ignores an event id it has already stored, so a batch
 * sent again after a lost reply never doubles a row. While the host is away events wait here,
 * across browser restarts.
 *
 * The values found travel to the host (which keeps only a keyed fingerprint of each) only from
 * memory: the queue in storage never holds them, so an event delivered after a restart of the
 * background simply has no fingerprints.
 */
import type { AuditEventInput } from '../shared/protocol';
import { HostError, type HostConnection } from './host-connection';

const QUEUE_KEY = 'auditQueue';
/** Events per audit_append request. */
const BATCH = 100;

/** The queue of audit events not yet stored by the host. */
export class AuditQueue {
  /** The values of queued events' findings, by event id: memory only. */
  private readonly values = new Map<string, (string | null)[]>();
  /** Storage updates and deliveries run one at a time, in order. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly onLengthChange: (length: number) => void) {}

  /** Queues `event` (its findings' values are kept in memory only). */
  add(event: AuditEventInput): Promise<void> {
    this.values.set(
      event.event_id,
      event.findings.map((f) => f.value ?? null),
    );
    const stored: AuditEventInput = { ...event, findings: event.findings.map(({ kind, rule_id }) => ({ kind, rule_id })) };
    return this.serialized(async () => {
      const queue = await this.read();
      queue.push(stored);
      await this.write(queue);
    });
  }

  /** Number of events waiting. */
  length(): Promise<number> {
    return this.serialized(async () => (await this.read()).length);
  }

  /** Delivers every queued event to `host`, oldest first; stops at the first failure. */
  flush(host: HostConnection): Promise<void> {
    return this.serialized(async () => {
      for (let queue = await this.read(); queue.length > 0 && host.connected; queue = await this.read()) {
        const stored = await this.deliver(host, queue.slice(0, BATCH));
        for (const id of stored) this.values.delete(id);
        await this.write(queue.filter((event) => !stored.has(event.event_id)));
        if (stored.size === 0) break;
      }
    });
  }

  /**
   * Sends `events` and resolves with the ids the host has stored. An event the host refuses as
   * malformed would block the queue for ever: the batch is then sent one event at a time and the
   * refused events are dropped (they could never be stored).
   */
  private async deliver(host: HostConnection, events: AuditEventInput[]): Promise<Set<string>> {
    try {
      const { accepted } = await host.request('audit_append', { events: events.map((e) => this.withValues(e)) });
      return new Set(accepted.map((a) => a.event_id));
    } catch (error) {
      if (!isRefusal(error) || events.length === 1) {
        if (isRefusal(error) && events[0]) {
          console.warn('hush: the host refused an audit event as malformed; it is dropped');
          return new Set([events[0].event_id]);
        }
        throw error;
      }
      const stored = new Set<string>();
      for (const event of events) for (const id of await this.deliver(host, [event])) stored.add(id);
      return stored;
    }
  }

  private withValues(event: AuditEventInput): AuditEventInput {
    const values = this.values.get(event.event_id);
    if (!values) return event;
    return { ...event, findings: event.findings.map((f, i) => ({ ...f, value: values[i] ?? null })) };
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<AuditEventInput[]> {
    const stored: unknown = (await chrome.storage.local.get(QUEUE_KEY))[QUEUE_KEY];
    return Array.isArray(stored) ? (stored as AuditEventInput[]) : [];
  }

  private async write(queue: AuditEventInput[]): Promise<void> {
    await chrome.storage.local.set({ [QUEUE_KEY]: queue });
    this.onLengthChange(queue.length);
  }
}

/** The host read the request and refused its content: sending it again cannot help. */
function isRefusal(error: unknown): boolean {
  return error instanceof HostError && (error.code === 'bad_field' || error.code === 'missing_field');
}
