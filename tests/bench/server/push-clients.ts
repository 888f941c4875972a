import WebSocket from 'ws';

/**
 * The number n of a benchmark text (body "b<n>") in a message.created frame, found in the frame's
 * text without parsing it (the server writes the event's keys as JSON.stringify does; a message's
 * body is the only "body" key of the frame); null for any other frame. The clients run in the
 * server's process, so parsing every frame in full (~1.5 KB each, five per text) took CPU from the
 * server being measured: ~5% of a follow-up run on PGlite. A real client parses in its own process.
 */
function benchTextOf(frame: string): number | null {
  if (!frame.startsWith('{"type":"event"') || !frame.includes('"kind":"message.created"')) return null;
  const at = frame.indexOf('"body":"b');
  if (at < 0) return null;
  const start = at + '"body":"b'.length;
  const end = frame.indexOf('"', start);
  const digits = frame.slice(start, end);
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/**
 * The agents' event sockets of the inbound benchmark: one WebSocket per agent, every message.created
 * of a benchmark text noted with its arrival time (benchTextOf), so a run knows when each text has
 * reached every recipient and how long it took.
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
              const text = String(data);
              const n = benchTextOf(text);
              if (n !== null) this.note(n);
              else if (JSON.parse(text).type === 'synced') resolve();
            });
            socket.once('error', reject);
            this.sockets.push(socket);
          }),
      ),
    );
  }

  private note(n: number): void {
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
