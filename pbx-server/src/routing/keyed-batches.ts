/**
 * Groups queued items into batches and runs up to `maxInFlight` batches at once, never two that
 * share a key: an item waits while a running batch holds one of its keys, and so does every later
 * item with that key, so items with a key are run in the order they were pushed. The inbound path
 * keys a text by its (line, customer) pair and its carrier message id: concurrent batches then
 * never touch the same conversation nor store the same carrier message.
 *
 * A batch starts on the next turn of the event loop after capacity frees up, so the items that
 * arrive meanwhile (a burst, or the texts that answered ones unblock) go together.
 */
export class KeyedBatches<T> {
  private queue: T[] = [];
  private readonly held = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly options: {
      maxBatch: number;
      maxInFlight: number;
      keysOf: (item: T) => readonly string[];
      /** Must not reject: a batch's failures are its items' to report. */
      run: (batch: T[]) => Promise<void>;
    },
  ) {}

  push(item: T): void {
    this.queue.push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startBatches();
    });
  }

  private startBatches(): void {
    // The queue shared among the free slots: with room for several batches, one burst becomes
    // several batches side by side instead of one while the other slots idle.
    const share = Math.ceil(this.queue.length / Math.max(1, this.options.maxInFlight - this.inFlight));
    const size = Math.max(1, Math.min(this.options.maxBatch, share));
    while (this.inFlight < this.options.maxInFlight) {
      const batch = this.takeBatch(size);
      if (batch.length === 0) return;
      const keys = new Set(batch.flatMap(this.options.keysOf));
      for (const key of keys) this.held.add(key);
      this.inFlight += 1;
      void this.options.run(batch).finally(() => {
        for (const key of keys) this.held.delete(key);
        this.inFlight -= 1;
        this.schedule();
      });
    }
  }

  /**
   * The oldest items whose keys are free, up to size (and past it, up to maxBatch, the later items of
   * keys the batch has already: they would only wait for it); the others stay queued in order.
   */
  private takeBatch(size: number): T[] {
    const batch: T[] = [];
    const taken = new Set<string>();
    const rest: T[] = [];
    // Keys of items left queued in this pass: a later item with one of them must not overtake it.
    const waiting = new Set<string>();
    for (const item of this.queue) {
      const keys = this.options.keysOf(item);
      const free = keys.every((k) => !this.held.has(k) && !waiting.has(k));
      const room = batch.length < size || (batch.length < this.options.maxBatch && keys.some((k) => taken.has(k)));
      if (free && room) {
        batch.push(item);
        for (const key of keys) taken.add(key);
      } else {
        rest.push(item);
        for (const key of keys) waiting.add(key);
      }
    }
    this.queue = rest;
    return batch;
  }
}
