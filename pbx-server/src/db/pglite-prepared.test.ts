import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db';
import { pgliteDb } from './pglite';

// Transactions on PGlite run their statements prepared (pglite-prepared.ts): the rows and errors
// must be exactly what PGlite's own query() gives.
describe('prepared statements in PGlite transactions', () => {
  let pg: PGlite;
  let db: Db;
  beforeAll(async () => {
    pg = new PGlite();
    db = pgliteDb(pg, 'pglite (memory)');
    await db.query('CREATE TABLE notes (id int PRIMARY KEY, body text, at timestamptz, meta jsonb, done boolean)');
  });
  afterAll(() => pg.close());

  const select = 'SELECT $1::int AS n, $2::text AS t, $3::timestamptz AS at, $4::text::jsonb AS meta, $5::boolean AS done, $6::text AS nothing';
  const params = [7, 'ünï "x"', '2026-11-22T10:00:00.000Z', JSON.stringify({ a: [1, 'b'] }), true, null];

  it('gives the rows and types query() gives, the first time and again', async () => {
    const direct = (await pg.query(select, params)).rows;
    const first = await db.transaction((tx) => tx.query(select, params));
    const again = await db.transaction((tx) => tx.query(select, params));
    expect(first).toEqual(direct);
    expect(again).toEqual(direct);
    expect(first[0]).toEqual({ n: 7, t: 'ünï "x"', at: new Date('2026-11-22T10:00:00.000Z'), meta: { a: [1, 'b'] }, done: true, nothing: null });
  });

  it('answers no rows for a write without RETURNING, and the rows of one with it', async () => {
    const insert = 'INSERT INTO notes (id, body) VALUES ($1, $2)';
    expect(await db.transaction((tx) => tx.query(insert, [1, 'one']))).toEqual([]);
    const returned = await db.transaction((tx) => tx.query('INSERT INTO notes (id, body) VALUES ($1, $2) RETURNING id, body', [2, 'two']));
    expect(returned).toEqual([{ id: 2, body: 'two' }]);
  });

  it('throws the database error, rolls the transaction back, and runs the statement again afterwards', async () => {
    const insert = 'INSERT INTO notes (id, body) VALUES ($1, $2)';
    await expect(
      db.transaction(async (tx) => {
        await tx.query(insert, [10, 'kept only if committed']);
        await tx.query(insert, [10, 'duplicate']);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await db.query('SELECT id FROM notes WHERE id = 10')).toEqual([]);
    await db.transaction((tx) => tx.query(insert, [10, 'now']));
    expect(await db.query('SELECT body FROM notes WHERE id = 10')).toEqual([{ body: 'now' }]);
  });

  it('reports a statement that does not parse, and stays usable', async () => {
    await expect(db.transaction((tx) => tx.query('SELEC 1'))).rejects.toThrow(/syntax error/);
    expect(await db.transaction((tx) => tx.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });
});
