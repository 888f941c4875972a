import type { Db, Queryable, Transaction } from '../../../pbx-server/src/db/db';

/**
 * Counts the SQL statements and transactions the server runs through a Db, so the benchmark can
 * print what one inbound text costs in statements beside its throughput (BEGIN/COMMIT not counted).
 */
export class StatementCount {
  statements = 0;
  transactions = 0;

  wrap(db: Db): Db {
    return {
      backend: db.backend,
      oneTransactionAtATime: db.oneTransactionAtATime,
      close: () => db.close(),
      query: this.counted(db),
      transaction: (fn) =>
        db.transaction((tx) => {
          this.transactions += 1;
          const counted: Transaction = { query: this.counted(tx), execScript: (sql) => tx.execScript(sql) };
          return fn(counted);
        }),
    };
  }

  /** Statements and transactions since `since` (a snapshot), per `texts`. */
  per(since: { statements: number; transactions: number }, texts: number): string {
    return `${((this.statements - since.statements) / texts).toFixed(2)} statements in ${((this.transactions - since.transactions) / texts).toFixed(3)} transactions`;
  }

  snapshot() {
    return { statements: this.statements, transactions: this.transactions };
  }

  private counted(q: Queryable): Queryable['query'] {
    return (sql, params) => {
      this.statements += 1;
      return q.query(sql, params);
    };
  }
}
