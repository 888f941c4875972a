/**
 * The one storage seam of the server. Every module talks SQL through this interface so the same code
 * (and the same migrations) runs on embedded PGlite and on a real PostgreSQL server.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /**
   * Runs one parameterized statement ($1, $2, ...) and returns its rows.
   * Portable parameter rules (the two drivers infer types differently): pass JSON as a string and
   * cast `$n::text::jsonb` (postgres.js would JSON-encode a string sent to a jsonb parameter again);
   * pass timestamps as ISO strings with `::timestamptz` and int8 values as strings with `::int8`.
   * Read int8 columns through Number(): PGlite returns numbers, postgres.js strings.
   */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Runs fn inside BEGIN/COMMIT; any throw rolls back. fn must use tx, never the outer Db. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Human-readable backend name for logs ("pglite", "pglite (memory)", "postgres"). */
  readonly backend: string;
  /**
   * True when transactions run one at a time (PGlite: one connection): nothing can change between
   * a transaction's statements, so row locks and lock-ordering guard nothing and may be skipped.
   */
  readonly oneTransactionAtATime: boolean;
  close(): Promise<void>;
}

export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}
