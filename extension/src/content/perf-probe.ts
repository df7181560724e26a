/**
 * Timing samples for the browser benchmark (tests/bench/keystroke.mjs): from an input event to its
 * underlines being drawn, and the content script's start-up. Off unless the benchmark switches it
 * on in extension storage, so a user's page pays nothing for it. Samples are sent in batches, once
 * typing pauses, so that reporting them does not slow down what they measure.
 */
import { send } from '../shared/messaging';

const SWITCH = 'perfProbe';
const FLUSH_AFTER_MS = 500;

type Metric = 'startup' | 'keystroke';

/** Collects samples and hands them to the background. */
export class PerfProbe {
  /** Timestamp of the oldest input event not yet reflected on screen. */
  private pendingSince: number | undefined;
  private batch: { metric: Metric; ms: number }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor() {}

  /** A probe when the benchmark switched it on, else `undefined`. */
  static async create(): Promise<PerfProbe | undefined> {
    const enabled = (await chrome.storage.local.get(SWITCH))[SWITCH] === true;
    return enabled ? new PerfProbe() : undefined;
  }

  /** The guard is listening; the content script started running at `scriptStart`. */
  started(scriptStart: number): void {
    this.sample('startup', performance.now() - scriptStart);
  }

  /** An input event happened at `timeStamp` (the event's, on the performance clock). */
  inputSeen(timeStamp: number): void {
    this.pendingSince ??= timeStamp;
  }

  /** The underlines for the latest text are on screen. */
  drawn(): void {
    if (this.pendingSince === undefined) return;
    this.sample('keystroke', performance.now() - this.pendingSince);
    this.pendingSince = undefined;
  }

  private sample(metric: Metric, ms: number): void {
    this.batch.push({ metric, ms });
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      const samples = this.batch;
      this.batch = [];
      send({ kind: 'perf-samples', samples }).catch(() => undefined);
    }, FLUSH_AFTER_MS);
  }
}
