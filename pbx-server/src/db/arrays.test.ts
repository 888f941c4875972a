import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, openTestDb, type TestDb } from '../../test/harness';
import type { Db } from './db';
import { sqlArray } from './arrays';

describe.each(BACKENDS)('sqlArray (%s)', (backend) => {
  let testDb: TestDb;
  let db: Db;
  beforeAll(async () => {
    testDb = await openTestDb(backend);
    db = testDb.db;
  });
  afterAll(() => testDb?.dispose());

  it('round-trips awkward text, numbers and nulls through PostgreSQL', async () => {
    const values = ['plain', 'with "quotes"', 'back\\slash', 'comma, {braces}', '', 'NULL', 'ünï 🙂', null];
    const rows = await db.query<{ v: string | null }>('SELECT unnest($1::text[]) AS v', [sqlArray(values)]);
    expect(rows.map((r) => r.v)).toEqual(values);
    const ints = await db.query<{ n: number }>('SELECT unnest($1::int[]) AS n', [sqlArray([1, -2, 30])]);
    expect(ints.map((r) => r.n)).toEqual([1, -2, 30]);
    const json = await db.query<{ j: unknown }>('SELECT unnest($1::jsonb[]) AS j', [sqlArray([JSON.stringify({ a: 'x"\\y', b: [1] })])]);
    expect(json[0]!.j).toEqual({ a: 'x"\\y', b: [1] });
    expect(await db.query('SELECT unnest($1::text[]) AS v', [sqlArray([])])).toEqual([]);
  });
});
