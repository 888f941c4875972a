// A TCP proxy in front of the reference server that slows what the server sends (bytes per second),
// so a sync that normally takes a blink lasts long enough to interrupt it on purpose. Transparent to
// HTTP and WebSocket alike; it records the request line of every connection it carries.
import { createServer, Socket, type AddressInfo } from 'node:net';

export interface ThrottleProxy {
  url: string;
  /** "GET /v1/events?cursor=… HTTP/1.1" and the like, in order of connection. */
  requestLines: string[];
  setBytesPerSecond(rate: number): void;
  close(): Promise<void>;
}

export async function startThrottleProxy(target: string, bytesPerSecond: number): Promise<ThrottleProxy> {
  const { hostname, port } = new URL(target);
  const requestLines: string[] = [];
  const sockets = new Set<Socket>();
  let rate = bytesPerSecond;

  const server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    upstream.connect(Number(port), hostname);
    let firstChunk = true;
    client.on('data', (chunk: Buffer) => {
      if (firstChunk) requestLines.push(chunk.toString('latin1').split('\r\n', 1)[0]!);
      firstChunk = false;
      upstream.write(chunk);
    });
    // Server → client at `rate` bytes per second, in 50 ms slices.
    const queue: Buffer[] = [];
    let queued = 0;
    upstream.on('data', (chunk: Buffer) => {
      queue.push(chunk);
      queued += chunk.length;
      if (queued > rate) upstream.pause();
    });
    const pump = setInterval(() => {
      let budget = Math.max(1, Math.floor(rate / 20));
      while (budget > 0 && queue.length > 0) {
        const head = queue[0]!;
        const part = head.subarray(0, budget);
        client.write(part);
        budget -= part.length;
        queued -= part.length;
        if (part.length === head.length) queue.shift();
        else queue[0] = head.subarray(part.length);
      }
      if (queued <= rate) upstream.resume();
      if (queue.length === 0 && upstream.destroyed) client.end();
    }, 50);
    const close = () => {
      clearInterval(pump);
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', () => (queue.length === 0 ? close() : undefined)).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requestLines,
    setBytesPerSecond: (next) => (rate = next),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
