// Runs in a Chromium page for first-sync.bench.ts (bundled by it with Vite). Two ways to put the
// same 100,000 messages into IndexedDB: the extension's real sync path (WebSocket frames through
// ParleyConnector's event stream and zod parsing, SyncEngine, Dexie) and a raw IndexedDB insert of
// the already-mapped records, the floor any client could reach.
import { openDb } from '../../../utils/db/database';
import { getCursor } from '../../../utils/db/meta';
import { schemaVersions } from '../../../utils/db/schema';
import { activityAt } from '../../../utils/model/conversation';
import { ParleyConnector } from '../../../utils/pbx/parley';
import { syncFrom } from '../../../utils/sync/link';

const CONVERSATIONS = 500;
const agent = { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' as const };
const start = Date.parse('2026-01-01T00:00:00Z');

/** The server's frames for an account's history: each text is a message.created event, as the server sends it. */
function makeFrames(count: number): string[] {
  const frames: string[] = [];
  for (let i = 1; i <= count; i++) {
    const c = i % CONVERSATIONS;
    const at = new Date(start + i * 1000).toISOString();
    const inbound = i % 2 === 0;
    const customer = `+1503555${String(1000 + c).padStart(4, '0')}`;
    const body = inbound ? `Customer text number ${i}: where is my parcel, it was due on Tuesday?` : `Agent reply number ${i}: it ships today, tracking follows by SMS.`;
    frames.push(
      JSON.stringify({
        type: 'event',
        cursor: i,
        event: {
          kind: 'message.created',
          conversation: { id: `conv-${c}`, type: 'sms', customerNumber: customer, didNumber: '+15035550100', title: customer, createdAt: new Date(start).toISOString(), lastMessageAt: at, lastMessagePreview: body },
          message: {
            id: `msg-${i}`,
            conversationId: `conv-${c}`,
            direction: inbound ? 'inbound' : 'outbound',
            body,
            from: inbound ? customer : '+15035550100',
            to: inbound ? '+15035550100' : customer,
            status: inbound ? 'received' : 'delivered',
            failureReason: null,
            senderAgentId: inbound ? null : agent.id,
            idempotencyKey: inbound ? null : `key-${i}-0123456789`,
            createdAt: at,
          },
        },
      }),
    );
  }
  return frames;
}

let opened = 0;

/**
 * A socket the event stream reads, standing in for the server: replays the frames after the
 * requested cursor as fast as the page takes them, in network-sized chunks, then "synced"; stops
 * when the client closes it (flow control), like the server's session does.
 */
function socketServing(frames: string[]) {
  return (url: string) => {
    opened++;
    const after = Number(new URL(url).searchParams.get('cursor'));
    let closed = false;
    const socket = {
      onopen: null as (() => void) | null,
      onmessage: null as ((event: { data: string }) => void) | null,
      onclose: null as ((event: { code: number }) => void) | null,
      send() {},
      close(code = 1000) {
        closed = true;
        setTimeout(() => socket.onclose?.({ code }), 0);
      },
    };
    setTimeout(() => {
      socket.onopen?.();
      let next = after;
      const pump = () => {
        if (closed) return;
        const end = Math.min(frames.length, next + 250);
        for (; next < end && !closed; next++) socket.onmessage?.({ data: frames[next]! });
        if (closed) return;
        if (next < frames.length) setTimeout(pump, 0);
        else socket.onmessage?.({ data: JSON.stringify({ type: 'synced', cursor: frames.length }) });
      };
      pump();
    }, 0);
    return socket as unknown as WebSocket;
  };
}

/** Samples the JS heap and the longest stretch the page could not run a timer (a frozen UI) while `work` runs. */
async function measure(work: () => Promise<void>) {
  const memory = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  (globalThis as unknown as { gc(): void }).gc();
  const base = memory();
  let peak = base;
  let last = performance.now();
  let longestStall = 0;
  const sampler = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last);
    last = now;
    peak = Math.max(peak, memory());
  }, 5);
  const began = performance.now();
  await work();
  const ms = performance.now() - began;
  clearInterval(sampler);
  peak = Math.max(peak, memory());
  return { ms, peakMb: (peak - base) / 2 ** 20, longestStallMs: longestStall };
}

const deleteDb = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });

let frames: string[] = [];
export function prepare(count: number): void {
  frames = makeFrames(count);
  opened = 0;
}

/** The extension's path, wired as ParleyService wires it (syncFrom): events into the engine, flow control, "synced" ends the backlog. */
export async function runSyncEngine(name: string) {
  await deleteDb(name);
  const db = openDb(name);
  await db.open();
  const result = await measure(async () => {
    const connector = new ParleyConnector({ createSocket: socketServing(frames) });
    const caughtUp = new Promise<void>((resolve) => syncFrom(connector, db, { onFailure: (error) => console.error(error), onCaughtUp: resolve }));
    await connector.connect({ serverUrl: 'http://pbx.bench', refreshToken: 'r', agent, access: { accessToken: 't', renewAt: Date.now() + 3_600_000 } }, await getCursor(db));
    await caughtUp;
    connector.disconnect();
  });
  const stored = { messages: await db.messages.count(), conversations: await db.conversations.count(), cursor: await getCursor(db), sockets: opened };
  db.close();
  return { ...result, stored };
}

/** The floor: the same records (already parsed and mapped) put straight into the same stores and indexes. */
export async function runRawInsert(name: string, transactionSize: number) {
  await deleteDb(name);
  // Each schema version lists only the stores it changes (null deletes one): fold them into the current set.
  const latest: Record<string, string | null> = Object.assign({}, ...schemaVersions.map((version) => version.stores));
  for (const [store, spec] of Object.entries(latest)) if (spec === null) delete latest[store];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      for (const [store, spec] of Object.entries(latest)) {
        const [key, ...indexes] = spec!.split(',').map((part) => part.trim());
        const keyPath = (part: string) => (part.startsWith('[') ? part.slice(1, -1).split('+') : part);
        const objectStore = request.result.createObjectStore(store, { keyPath: keyPath(key!) });
        for (const index of indexes) {
          // Dexie's `*name` is a multiEntry index (schema v3's message words).
          if (index.startsWith('*')) objectStore.createIndex(index.slice(1), index.slice(1), { multiEntry: true });
          else objectStore.createIndex(index, keyPath(index));
        }
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const records = frames.map((frame) => {
    const { event } = JSON.parse(frame) as { event: { message: Record<string, unknown> & { createdAt: string } } };
    return { ...event.message, createdAt: Date.parse(event.message.createdAt) };
  });
  const conversations = new Map<string, Record<string, unknown>>();
  for (const frame of frames.slice(-CONVERSATIONS)) {
    const { conversation } = (JSON.parse(frame) as { event: { conversation: Record<string, unknown> & { createdAt: string; lastMessageAt: string } } }).event;
    const mapped = { ...conversation, createdAt: Date.parse(conversation.createdAt), lastMessageAt: Date.parse(conversation.lastMessageAt) };
    conversations.set(conversation.id as string, { ...mapped, activityAt: activityAt(mapped as never), unread: 0 });
  }
  const result = await measure(async () => {
    for (let at = 0; at < records.length; at += transactionSize) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['messages', 'conversations', 'meta'], 'readwrite');
        const messages = tx.objectStore('messages');
        for (const record of records.slice(at, at + transactionSize)) messages.put(record);
        if (at + transactionSize >= records.length) for (const conversation of conversations.values()) tx.objectStore('conversations').put(conversation);
        tx.objectStore('meta').put({ key: 'eventCursor', value: Math.min(records.length, at + transactionSize) });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
  });
  const count = (store: string) =>
    new Promise<number>((resolve) => {
      const request = db.transaction(store).objectStore(store).count();
      request.onsuccess = () => resolve(request.result);
    });
  const stored = { messages: await count('messages'), conversations: await count('conversations'), cursor: records.length };
  db.close();
  return { ...result, stored };
}

