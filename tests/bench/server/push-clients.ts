import WebSocket from 'ws';

/**
 * The agents' event sockets of the inbound benchmark: one WebSocket per agent, each frame parsed as
 * the extension would, and every message.created of a benchmark text (body "b<n>") noted with its
 * arrival time, so a run knows when each text has reached every recipient and how long it took.
 */
export class PushClients {
  private readonly sockets: WebSocket[] = [];
  /** Text number -> arrival times (performance.now()) at its recipients. */
  readonly arrivals = new Map<number, number[]>();
  /** Texts that have reached all their recipients. */
  private complete = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  /** recipients: how many sockets each benchmark text reaches (its group's size). */
  constructor(private readonly recipients: number) {}

  async connect(baseUrl: string, tokens: readonly string[]): Promise<void> {
    const wsBase = baseUrl.replace(/^http/, 'ws');
    await Promise.all(
      tokens.map(
        (token) =>
          new Promise<void>((resolve, reject) => {
            const socket = new WebSocket(`${wsBase}/v1/events?access_token=${encodeURIComponent(token)}`);
            socket.on('message', (data) => {
              const frame = JSON.parse(String(data));
              if (frame.type === 'synced') resolve();
              if (frame.type === 'event' && frame.event.kind === 'message.created') this.note(frame.event.message.body);
            });
            socket.once('error', reject);
            this.sockets.push(socket);
          }),
      ),
    );
  }

  private note(body: string): void {
    const match = /^b(\d+)$/.exec(body);
    if (!match) return;
    const n = Number(match[1]);
    const list = this.arrivals.get(n) ?? [];
    list.push(performance.now());
    this.arrivals.set(n, list);
    if (list.length !== this.recipients) return;
    this.complete += 1;
    this.waiters = this.waiters.filter((w) => (this.complete >= w.count ? (w.resolve(), false) : true));
  }

  /** Resolves once `count` texts in all have reached every recipient (phases run one after another). */
  completed(count: number): Promise<void> {
    if (this.complete >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): void {
    for (const socket of this.sockets) socket.terminate();
  }
}
