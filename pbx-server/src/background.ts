/**
 * Work that outlives the request that started it (carrier sends, delivery reports). Tracked so
 * shutdown can wait for it before closing the database, and so failures are logged, never unhandled.
 */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<unknown>>();

  track = (work: Promise<unknown>): void => {
    const settled = work
      .catch((err) => console.error('[parley] background task failed', err))
      .finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  };

  /** Resolves when everything tracked so far, and anything it started, has settled. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
