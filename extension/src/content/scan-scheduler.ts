/**
 * Coalesces scan requests so a fast typist never queues more than one scan per frame: requests
 * that arrive while a scan is waiting for its frame or in flight fold into a single next scan,
 * which reads the text as it is by then.
 */
export class ScanScheduler {
  private waiting = false;
  private running = false;

  /**
   * @param scan reads the current text and scans it
   * @param nextFrame schedules a callback before the next paint (`requestAnimationFrame`)
   */
  constructor(
    private readonly scan: () => Promise<void>,
    private readonly nextFrame: (callback: () => void) => void,
  ) {}

  /** Asks for a scan of the text as it will be at the next frame. */
  request(): void {
    if (this.waiting) return;
    this.waiting = true;
    if (!this.running) this.nextFrame(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.waiting = false;
    this.running = true;
    try {
      await this.scan();
    } finally {
      this.running = false;
      if (this.waiting) this.nextFrame(() => void this.flush());
    }
  }
}
