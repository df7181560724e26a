/**
 * Decides when to scan as the user types. The first change after a quiet moment is scanned at
 * once (the underline should follow the keystroke, not the next frame); changes that arrive while
 * a scan is in flight fold into one follow-up scan of the text as it is by then; and scans start
 * at most once per frame, so a fast typist never queues more than one request per frame.
 */

/** The shortest time between the starts of two scans: one frame at 60 Hz. */
export const FRAME_MS = 16;

/** The clock and timer the scheduler runs on (the page's, or a test's). */
export interface SchedulerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): void;
}

const PAGE_CLOCK: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => void setTimeout(callback, ms),
};

/** Coalesces scan requests. */
export class ScanScheduler {
  private running = false;
  private waiting = false;
  private timerSet = false;
  private lastStart = -Infinity;

  /** @param scan reads the current text and scans it */
  constructor(
    private readonly scan: () => Promise<void>,
    private readonly clock: SchedulerClock = PAGE_CLOCK,
  ) {}

  /** Asks for a scan of the text as it is now or will be soon. */
  request(): void {
    if (this.running) {
      this.waiting = true;
      return;
    }
    if (this.timerSet) return;
    const wait = this.lastStart + FRAME_MS - this.clock.now();
    if (wait <= 0) {
      void this.run();
      return;
    }
    this.timerSet = true;
    this.clock.setTimeout(() => {
      this.timerSet = false;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    this.running = true;
    this.lastStart = this.clock.now();
    try {
      await this.scan();
    } finally {
      this.running = false;
      if (this.waiting) {
        this.waiting = false;
        this.request();
      }
    }
  }
}
