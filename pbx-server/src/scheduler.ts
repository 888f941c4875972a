/** Work that becomes due as time passes (queue timeouts); runDue() does what is due at the clock's now. */
export interface TimedWork {
  runDue(): Promise<void>;
}

/**
 * Runs timed work every intervalMs (0: never by itself). Time comes from the injected clock, so
 * tests move the clock and call runDue() instead of sleeping. Runs never overlap: a call while one
 * is in progress waits for it and then runs again, so after it resolves everything due at the
 * clock's current time has been done.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly work: readonly TimedWork[],
    private readonly onError: (err: unknown) => void = (err) => console.error('[parley] timed work failed', err),
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runDue().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  runDue(): Promise<void> {
    const run = this.running.catch(() => {}).then(async () => {
      for (const w of this.work) await w.runDue();
    });
    this.running = run;
    return run;
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running.catch(() => {});
  }
}
