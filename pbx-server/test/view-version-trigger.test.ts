import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db';
import { migrate } from '../src/db/migrate';
import { BACKENDS, openTestDb, type TestDb } from './harness';

// What the view-version trigger's function ignores (migration 011): activity, counters, the version.
const NOT_IN_VIEWS = ['last_message_at', 'last_message_preview', 'unread_total', 'view_version'];

describe.each(BACKENDS)('conversation view versions (%s)', (backend) => {
  let testDb: TestDb;
  let db: Db;
  beforeAll(async () => {
    testDb = await openTestDb(backend);
    db = testDb.db;
    await migrate(db);
  });
  afterAll(() => testDb?.dispose());

  it('the trigger watches every column of conversations but activity and counters (migration 031)', async () => {
    const columns = await db.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'conversations'`,
    );
    const watched = await db.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_trigger t
       JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = ANY (t.tgattr::int2[])
       WHERE t.tgname = 'conversations_view_version'`,
    );
    const expected = columns.map((c) => c.name).filter((c) => !NOT_IN_VIEWS.includes(c));
    expect(expected).toContain('designated_agent_id');
    expect(watched.map((c) => c.name).sort()).toEqual(expected.sort());
  });

  it('a view change bumps the version; activity alone does not', async () => {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO conversations (id, type, customer_number, did_number, title, created_at, state)
       VALUES ('view-version-test', 'sms', '+15550001111', NULL, 'x', now(), 'open') RETURNING id`,
    );
    const version = async () => Number((await db.query<{ v: unknown }>('SELECT view_version AS v FROM conversations WHERE id = $1', [row!.id]))[0]!.v);
    await db.query(`UPDATE conversations SET last_message_at = now(), last_message_preview = 'hi', unread_total = unread_total + 1 WHERE id = $1`, [row!.id]);
    expect(await version()).toBe(0);
    await db.query(`UPDATE conversations SET title = 'renamed' WHERE id = $1`, [row!.id]);
    expect(await version()).toBe(1);
    await db.query(`UPDATE conversations SET title = 'renamed', last_message_preview = 'again' WHERE id = $1`, [row!.id]);
    expect(await version()).toBe(1);
  });
});
