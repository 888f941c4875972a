import type { ParleyDb, StoredMessage } from '../db/database';
import { withWords } from '../db/merge';
import { searchWordsOf } from '../db/words';

const INDEXED = 'wordsIndexed';
const PROGRESS = 'wordsIndexedAfter';
/** Rows read and written per transaction: short enough that sync writes are never held up for long. */
const CHUNK = 1_000;

/**
 * Gives stored messages their search words (schema v3's `*words` index) after the fact. The first
 * sync stores the account's history without them, which keeps the import as fast as before the
 * index existed (a word index multiplies the IndexedDB writes per message); once caught up, every
 * message is stored with its words, and this pass covers the history in the background, in small
 * transactions, resuming after the last chunk it finished (a stopped service worker picks up
 * there). Each chunk is read and rewritten in one transaction, so a status update written in
 * between is never overwritten with an older copy. Search finds history messages as the pass
 * reaches them.
 */
export async function indexMissingWords(db: ParleyDb, options: { chunk?: number; pause?: () => Promise<void> } = {}): Promise<number> {
  const chunk = options.chunk ?? CHUNK;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  if ((await db.meta.get(INDEXED))?.value === true) return 0;
  let indexed = 0;
  for (;;) {
    const done = await db.transaction('rw', db.messages, db.meta, async () => {
      const after = (await db.meta.get(PROGRESS))?.value;
      const rows = await (typeof after === 'string' ? db.messages.where(':id').above(after) : db.messages.toCollection()).limit(chunk).toArray();
      const missing = rows.filter((row) => !row.words && searchWordsOf(row).length > 0);
      if (missing.length > 0) await db.messages.bulkPut(missing.map((row) => withWords({ ...row } as StoredMessage)));
      indexed += missing.length;
      if (rows.length < chunk) {
        await db.meta.bulkPut([{ key: INDEXED, value: true }, { key: PROGRESS, value: null }]);
        return true;
      }
      await db.meta.put({ key: PROGRESS, value: rows.at(-1)!.id });
      return false;
    });
    if (done) return indexed;
    await pause();
  }
}
