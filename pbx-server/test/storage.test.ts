import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load';
import { seedFromConfig } from '../src/config/seed';
import type { Db } from '../src/db/db';
import { migrate } from '../src/db/migrate';
import { findNumber } from '../src/directory/numbers';
import { BACKENDS, openTestDb, type TestDb } from './harness';

describe.each(BACKENDS)('storage: migrations and config seeding (%s)', (backend) => {
  let testDb: TestDb;
  let db: Db;
  beforeAll(async () => {
    testDb = await openTestDb(backend, { fresh: true });
    db = testDb.db;
  });
  afterAll(() => testDb?.dispose());

  it('applies every migration once, in order, and is a no-op the second time', async () => {
    const first = await migrate(db);
    expect(first[0]).toBe('001_initial');
    expect([...first].sort()).toEqual(first);
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(first);
  });

  it('seeds the demo config idempotently (stable ids, no duplicates)', async () => {
    const config = loadConfig();
    await seedFromConfig(db, config);
    const before = await db.query('SELECT id, extension, password_hash FROM agents ORDER BY extension');
    await seedFromConfig(db, config);
    const after = await db.query('SELECT id, extension, password_hash FROM agents ORDER BY extension');
    expect(after).toEqual(before);
    expect(after.map((r) => r.extension)).toEqual(['201', '202', '203', '204', '211', '300', '900']);

    const number = await findNumber(db, '+15035550100');
    expect(number).toEqual({
      number: '+15035550100',
      channel: 'sms',
      label: 'Support line',
      carrier: 'loopback',
      inboundRoute: { type: 'agent', agentId: before[0]!.id },
      messagingEnabled: true,
    });
    const senders = await db.query('SELECT agent_id FROM number_senders WHERE number = $1', ['+15035550100']);
    expect(senders).toEqual([{ agent_id: before[0]!.id }]);
  });

  it('round-trips jsonb, int8 and timestamptz identically on this backend', async () => {
    const rows = await db.transaction(async (tx) =>
      tx.query<{ j: unknown; n: unknown; t: unknown }>('SELECT $1::text::jsonb AS j, $2::int8 AS n, $3::timestamptz AS t', [
        JSON.stringify({ a: [1, 'two'], b: null }),
        '9007199254740991',
        '2026-01-02T03:04:05.678Z',
      ]),
    );
    expect(rows[0]!.j).toEqual({ a: [1, 'two'], b: null });
    expect(Number(rows[0]!.n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(new Date(rows[0]!.t as Date).toISOString()).toBe('2026-01-02T03:04:05.678Z');
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO settings (key, value) VALUES ('rollback-probe', 'x')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query(`SELECT * FROM settings WHERE key = 'rollback-probe'`)).toEqual([]);
  });

  it('rejects an invalid config with the offending path', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/parley-config-');
    writeFileSync(`${dir}/bad.json`, JSON.stringify({ agents: [{ extension: '201', name: 'X' }] }));
    expect(() => loadConfig(`${dir}/bad.json`)).toThrow(/agents\.0\.password/);
  });
});
