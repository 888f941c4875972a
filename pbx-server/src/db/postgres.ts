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
      // postgres.js types begin()'s result as UnwrapPromiseArray<T>; for a plain T it is T.
      return (await sql.begin((tx) =>
        fn({
          async query<R extends Row>(text: string, params: readonly unknown[] = []) {
            return (await tx.unsafe(text, params as Params, PREPARED)) as unknown as R[];
          },
          async execScript(text: string) {
            // Without parameters postgres.js uses the simple protocol, which accepts several statements.
            await tx.unsafe(text);
          },
        }),
      )) as T;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
