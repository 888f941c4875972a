import postgres from 'postgres';
import type { Db, Row, Transaction } from './db';

// Named prepared statements, cached per connection by their text: a statement the server runs again
// (every statement of the inbound path, once per batch) is parsed and planned once per connection.
const PREPARED = { prepare: true } as const;

/** A real PostgreSQL server through postgres.js (a small connection pool). */
export function openPostgres(url: string, options: { max?: number } = {}): Db {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Migrations use "CREATE ... IF NOT EXISTS"; the server's NOTICEs about that are noise.
    onnotice: () => {},
  });
  type Params = Parameters<typeof sql.unsafe>[1];
  return {
    backend: 'postgres',
    oneTransactionAtATime: false,
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      return (await sql.unsafe(text, params as Params, PREPARED)) as unknown as T[];
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      // On a connection of its own, BEGIN sent with the transaction's first statement (pipelined)
      // instead of a round trip ahead of it (sql.begin awaits it). A connection answers in order, so
      // nothing of fn runs before BEGIN, and the COMMIT follows whatever fn sent before returning.
      const connection = await sql.reserve();
      // postgres.js sends a query once it is awaited or executed: BEGIN goes first.
      const begun = connection.unsafe('BEGIN').execute();
      // Awaited before COMMIT; a failure is the transaction's (its statements fail with it).
      begun.catch(() => {});
      try {
        const result = await fn({
          async query<R extends Row>(text: string, params: readonly unknown[] = []) {
            return (await connection.unsafe(text, params as Params, PREPARED)) as unknown as R[];
          },
          async execScript(text: string) {
            // Without parameters postgres.js uses the simple protocol, which accepts several statements.
            await connection.unsafe(text);
          },
        });
        await begun;
        await connection.unsafe('COMMIT');
        return result;
      } catch (err) {
        await connection.unsafe('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        connection.release();
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
