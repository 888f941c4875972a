import { beforeEach, describe, expect, it } from 'vitest';
import { upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { addOutboxMessages, dismissFailedMessage, upsertMessage } from '../../utils/db/messages';
import { searchHistory } from '../../utils/db/search';
import { wordsOf } from '../../utils/db/words';
import { applyEvents } from '../../utils/sync/apply-events';
import { indexMissingWords } from '../../utils/sync/word-indexer';
import { conversation, message } from '../setup/fixtures';

let db: ParleyDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`search-${++n}`);
  await db.open();
});

describe('search words', () => {
  it('folds case and accents, splits on anything but letters and digits, keeps each word once', () => {
    expect(wordsOf('Où est mon COLIS? colis #A-1234, José!')).toEqual(['ou', 'est', 'mon', 'colis', 'a', '1234', 'jose']);
    expect(wordsOf('')).toEqual([]);
  });
});

describe('searchHistory', () => {
  beforeEach(async () => {
    await upsertConversation(db, conversation({ id: 'maria', customerName: 'Maria Lopez', title: '+15035550142', customerNumber: '+15035550142', lastMessageAt: 30 }));
    await upsertConversation(db, conversation({ id: 'gina', customerName: 'Gina Linetti', title: '+15035550160', customerNumber: '+15035550160', lastMessageAt: 20 }));
    await upsertConversation(
      db,
      conversation({
        id: 'ops',
        type: 'group',
        title: 'Ops room',
        customerNumber: null,
        lastMessageAt: 10,
        participants: [{ type: 'agent', id: 'a2', extension: '202', name: 'Amy Santiago' }, { type: 'external', number: '+15035550171', name: 'Adrian Pimento' }],
      }),
    );
    // Stored through each write path: live events, REST upserts and the outbox.
    await applyEvents(db, [
      { kind: 'caught-up', cursor: 0 },
      { kind: 'message', cursor: 1, conversation: conversation({ id: 'maria', lastMessageAt: 30 }), message: message({ id: 'e1', conversationId: 'maria', body: 'Where is my parcel?', createdAt: 1 }) },
      { kind: 'message', cursor: 2, conversation: conversation({ id: 'maria', lastMessageAt: 30 }), message: message({ id: 'e2', conversationId: 'maria', body: 'Entered SMS Support Queue', kind: 'system', createdAt: 2 }) },
    ]);
    await upsertMessage(db, message({ id: 'r1', conversationId: 'gina', body: 'The parcel left Portland today', createdAt: 3 }));
    await addOutboxMessages(db, [{ idempotencyKey: 'key-0000001', conversationId: 'maria', body: 'Your parcel arrives tomorrow' }], 4);
  });

  it('finds messages by every word of the query as a word prefix, newest first, from every write path', async () => {
    expect((await searchHistory(db, 'parc')).messages.map((row) => row.id)).toEqual(['key-0000001', 'r1', 'e1']);
    expect((await searchHistory(db, 'parcel portland')).messages.map((row) => row.id)).toEqual(['r1']);
    expect((await searchHistory(db, 'PORTLAND parcel')).messages.map((row) => row.id)).toEqual(['r1']);
    expect((await searchHistory(db, 'arcel')).messages).toEqual([]);
  });

  it('leaves out system lines and messages the agent deleted', async () => {
    expect((await searchHistory(db, 'queue')).messages).toEqual([]);
    await db.messages.update('key-0000001', { status: 'failed' });
    await dismissFailedMessage(db, 'key-0000001');
    expect((await searchHistory(db, 'parcel')).messages.map((row) => row.id)).toEqual(['r1', 'e1']);
    await upsertMessage(db, message({ id: 'f1', conversationId: 'gina', direction: 'outbound', status: 'failed', body: 'parcel again', createdAt: 9 }));
    await dismissFailedMessage(db, 'f1');
    expect((await searchHistory(db, 'parcel')).messages.map((row) => row.id)).toEqual(['r1', 'e1']);
  });

  it('finds conversations by name, title, participant and number digits', async () => {
    const ids = async (query: string) => (await searchHistory(db, query)).conversations.map((row) => row.id);
    expect(await ids('maria')).toEqual(['maria']);
    expect(await ids('lopez')).toEqual(['maria']);
    expect(await ids('ops')).toEqual(['ops']);
    expect(await ids('pimento')).toEqual(['ops']);
    expect(await ids('503 555 0160')).toEqual(['gina']);
    expect(await ids('(503) 555-01')).toEqual(['maria', 'gina', 'ops']);
    // Digits inside a word query do not turn it into a number search.
    expect(await ids('room 42')).toEqual([]);
  });

  it('answers nothing for a query under two characters', async () => {
    expect(await searchHistory(db, ' p ')).toEqual({ conversations: [], messages: [] });
  });

  it('stops at the limit', async () => {
    await applyEvents(
      db,
      Array.from({ length: 30 }, (_, index) => ({
        kind: 'message' as const,
        cursor: 10 + index,
        conversation: conversation({ id: 'maria', lastMessageAt: 30 }),
        message: message({ id: `bulk-${index}`, conversationId: 'maria', body: `parcel number ${index}`, createdAt: 100 + index }),
      })),
    );
    const found = await searchHistory(db, 'parcel', 10);
    expect(found.messages.map((row) => row.id)).toEqual(Array.from({ length: 10 }, (_, index) => `bulk-${29 - index}`));
  });

  it('finds a first sync’s history once the background pass has given it words, resuming after the last chunk', async () => {
    const history = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        kind: 'message' as const,
        cursor: 100 + from + index,
        conversation: conversation({ id: 'gina', lastMessageAt: 20 }),
        message: message({ id: `h-${String(from + index).padStart(3, '0')}`, conversationId: 'gina', body: `Invoice ${from + index} attached`, createdAt: 200 + from + index }),
      }));
    const fresh = openDb(`search-import-${n}`);
    await fresh.open();
    // Imported before the store caught up: stored without words, so not found yet.
    await applyEvents(fresh, history(0, 25));
    expect((await searchHistory(fresh, 'invoice')).messages).toEqual([]);
    // A pass stopped after two chunks (a stopped service worker) resumes where it was.
    let chunks = 0;
    const stopped = indexMissingWords(fresh, { chunk: 10, pause: async () => { if (++chunks === 2) throw new Error('worker stopped'); } });
    await expect(stopped).rejects.toThrow('worker stopped');
    expect((await searchHistory(fresh, 'invoice')).messages).toHaveLength(20);
    await applyEvents(fresh, [{ kind: 'caught-up', cursor: 200 }, { kind: 'status', cursor: 201, message: message({ id: 'h-024', conversationId: 'gina', body: 'Invoice 24 attached', status: 'received', createdAt: 224 }) }]);
    // The status update after catching up gave h-024 its words already: 4 left.
    expect(await indexMissingWords(fresh, { chunk: 10 })).toBe(4);
    expect((await searchHistory(fresh, 'invoice')).messages).toHaveLength(25);
    // Done once: later passes read nothing.
    expect(await indexMissingWords(fresh, { chunk: 10 })).toBe(0);
    fresh.close();
  });
});
