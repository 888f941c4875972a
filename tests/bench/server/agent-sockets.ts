// The benchmark's 200 agents, run in a child process of their own (push-clients.ts starts it): real
// agents are other machines, and their sockets' receive work (system calls, frame parsing) would
// otherwise take the CPU of the server being measured. Arrival times are sent back as
// performance.timeOrigin + performance.now(), comparable across the two processes.
import WebSocket from 'ws';

/**
 * The number n of a benchmark text (body "b<n>") in a message.created frame, found in the frame's
 * text without parsing it (the server writes the event's keys as JSON.stringify does; a message's
 * body is the only "body" key of the frame); null for any other frame.
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

export type ToAgents =
  | { type: 'connect'; baseUrl: string; tokens: string[]; recipients: number }
  | { type: 'completed'; count: number }
  | { type: 'arrivals'; from: number; to: number };

export type FromAgents =
  | { type: 'connected' }
  | { type: 'completed'; count: number }
  /** Per text from..to-1, its arrival times (ms since the epoch, fractional) at its recipients. */
  | { type: 'arrivals'; times: number[][] };

const send = (message: FromAgents) => process.send!(message);
const now = () => performance.timeOrigin + performance.now();

const arrivals = new Map<number, number[]>();
let recipients = 0;
let complete = 0;
let waiting: number[] = [];

function note(n: number): void {
  const list = arrivals.get(n) ?? [];
  list.push(now());
  arrivals.set(n, list);
  if (list.length !== recipients) return;
  complete += 1;
  waiting = waiting.filter((count) => (complete >= count ? (send({ type: 'completed', count }), false) : true));
}

function connect(baseUrl: string, tokens: string[]): Promise<void[]> {
  const wsBase = baseUrl.replace(/^http/, 'ws');
  return Promise.all(
    tokens.map(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const socket = new WebSocket(`${wsBase}/v1/events?access_token=${encodeURIComponent(token)}`);
          socket.on('message', (data) => {
            const text = String(data);
            const n = benchTextOf(text);
            if (n !== null) note(n);
            else if (JSON.parse(text).type === 'synced') resolve();
          });
          socket.once('error', reject);
        }),
    ),
  );
}

process.on('message', (message: ToAgents) => {
  if (message.type === 'connect') {
    recipients = message.recipients;
    connect(message.baseUrl, message.tokens).then(
      () => send({ type: 'connected' }),
      (err) => {
        console.error('agent sockets failed to connect', err);
        process.exit(1);
      },
    );
  } else if (message.type === 'completed') {
    if (complete >= message.count) send({ type: 'completed', count: message.count });
    else waiting.push(message.count);
  } else {
    const times: number[][] = [];
    for (let n = message.from; n < message.to; n++) times.push(arrivals.get(n) ?? []);
    send({ type: 'arrivals', times });
  }
});
// The parent's end is this process's end (its sockets close with it).
process.on('disconnect', () => process.exit(0));
