/**
 * The one storage seam of the server. Every module talks SQL through this interface so the same code
 * (and the same migrations) runs on embedded PGlite and on a real PostgreSQL server.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterized statement ($1, $2, ...) and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Runs fn inside BEGIN/COMMIT; any throw rolls back. fn must use tx, never the outer Db. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Human-readable backend name for logs ("pglite", "pglite (memory)", "postgres"). */
  readonly backend: string;
  close(): Promise<void>;
}

export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}
