import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Row, Transaction } from './db';
import { PreparedStatements } from './pglite-prepared';

/**
 * Embedded PostgreSQL (WASM). PGlite is a single connection, so it serializes transactions itself:
 * queries issued outside a running transaction wait for it to finish.
 * dataDir undefined -> in-memory database (tests).
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return pgliteDb(await PGlite.create(dataDir), dataDir ? 'pglite' : 'pglite (memory)');
}

/** The Db interface over a PGlite instance the caller created (tests start from a dumped template). */
export function pgliteDb(pg: PGlite, backend: string): Db {
  const prepared = new PreparedStatements(pg);
  return {
    backend,
    oneTransactionAtATime: true,
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return (await pg.query<T>(sql, params as unknown[])).rows;
    },
    transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      return pg.transaction(async (tx) =>
        fn({
          async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
            return (await prepared.query<R>(sql, params)) ?? (await tx.query<R>(sql, params as unknown[])).rows;
          },
          async execScript(sql: string) {
            await tx.exec(sql);
          },
        }),
      );
    },
    close: () => pg.close(),
  };
}
