// Runs inside the built extension's panel page for history-search.bench.ts (bundled by it with
// Vite): seeds 100,000 messages into databases of their own, then times the panel's history search
// (the word index, utils/db/search.ts) beside scanning the messages table, in the same page.
import Dexie from 'dexie';
import { openDb, type ParleyDb, type StoredMessage } from '../../../utils/db/database';
import { withWords } from '../../../utils/db/merge';
import { schemaVersions } from '../../../utils/db/schema';
import { searchHistory } from '../../../utils/db/search';
import { fold } from '../../../utils/db/words';

const start = Date.parse('2026-01-01T00:00:00Z');
const CONVERSATIONS = 500;
// A vocabulary with a long tail, as real texts have: a few words everywhere, most rarely.
const COMMON = ['the', 'my', 'is', 'order', 'parcel', 'thanks', 'please', 'today', 'when', 'can', 'you', 'help'];
const TAIL = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919).toString(36)}x`);

function body(i: number): string {
  const words = [COMMON[i % COMMON.length], COMMON[(i * 5) % COMMON.length], TAIL[(i * 31) % TAIL.length], TAIL[(i * 17 + 3) % TAIL.length], COMMON[(i * 3) % COMMON.length]];
  if (i % 25_000 === 7) words.push('refund4417');
  return `${words.join(' ')} #${i}`;
}

function rows(from: number, to: number): StoredMessage[] {
  const out: StoredMessage[] = [];
  for (let i = from; i < to; i++) {
    out.push({
      id: `m-${String(i).padStart(6, '0')}`,
      conversationId: `c-${i % CONVERSATIONS}`,
      direction: i % 2 === 0 ? 'inbound' : 'outbound',
      body: body(i),
      from: '+15035550142',
      to: '+15035550100',
      status: i % 2 === 0 ? 'received' : 'delivered',
      failureReason: null,
      senderAgentId: null,
      idempotencyKey: null,
      createdAt: start + i * 1000,
    });
  }
  return out;
}

/** The latest schema without the word index: what writing cost before it. */
function openWithoutWordIndex(name: string): Dexie {
  const db = new Dexie(name);
  const stores = Object.assign({}, ...schemaVersions.map((version) => version.stores)) as Record<string, string | null>;
  db.version(1).stores({ ...stores, messages: 'id, [conversationId+createdAt], idempotencyKey, [pending+createdAt]' });
  return db;
}

let indexed: ParleyDb;
let plain: Dexie;

/** Writes `count` messages in 2,000-row transactions into both databases; returns each one's time. */
export async function seed(count: number): Promise<{ withIndexMs: number; withoutIndexMs: number }> {
  await Dexie.delete('bench-search');
  await Dexie.delete('bench-search-plain');
  indexed = openDb('bench-search');
  plain = openWithoutWordIndex('bench-search-plain');
  await Promise.all([indexed.open(), plain.open()]);
  await indexed.conversations.bulkPut(
    Array.from({ length: CONVERSATIONS }, (_, i) => ({ id: `c-${i}`, type: 'sms' as const, customerNumber: `+1503555${String(1000 + i)}`, didNumber: null, title: `Customer ${i}`, customerName: `Customer ${i}`, createdAt: start, lastMessageAt: start, lastMessagePreview: null, activityAt: start + i, unread: 0 })),
  );
  let withIndexMs = 0;
  let withoutIndexMs = 0;
  for (let at = 0; at < count; at += 2000) {
    const batch = rows(at, Math.min(count, at + 2000));
    let t0 = performance.now();
    await plain.table('messages').bulkAdd(batch.map((row) => ({ ...row })));
    withoutIndexMs += performance.now() - t0;
    t0 = performance.now();
    await indexed.messages.bulkAdd(batch.map((row) => withWords({ ...row })));
    withIndexMs += performance.now() - t0;
  }
  return { withIndexMs, withoutIndexMs };
}

/** The panel's search, and a scan of the messages table newest-first that stops at 50 hits (the simplest alternative). */
export async function timeQuery(query: string): Promise<{ indexMs: number; indexHits: number; scanMs: number; scanHits: number }> {
  let t0 = performance.now();
  const found = await searchHistory(indexed, query);
  const indexMs = performance.now() - t0;
  const wanted = fold(query).split(/\s+/);
  t0 = performance.now();
  const scanned = await indexed.messages
    .orderBy('[conversationId+createdAt]')
    .filter((row) => {
      const text = fold(row.body);
      return wanted.every((word) => text.includes(word));
    })
    .limit(50)
    .toArray();
  const scanMs = performance.now() - t0;
  return { indexMs, indexHits: found.messages.length, scanMs, scanHits: scanned.length };
}
