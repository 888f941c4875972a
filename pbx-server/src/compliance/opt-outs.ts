import type { Queryable } from '../db/db';
import { ApiError } from '../http/errors';

/** The opt_outs table: STOP/START state per (our number, customer number). */

export type OptOut = { optedOut: boolean; keywordMessageSeq: number };

// First half of the two-key advisory locks on (number, customer) pairs; any constant other code does not use.
const OPT_OUT_LOCK_SPACE = 7_220_010;

/**
 * Serializes keyword handling per (our number, customer number) until the transaction ends, so two
 * copies of one STOP (a carrier's retry racing the original) cannot both see the old state.
 */
export async function lockOptOut(tx: Queryable, didNumber: string, customerNumber: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::int4, hashtext($2))', [OPT_OUT_LOCK_SPACE, `${didNumber} ${customerNumber}`]);
}

export async function findOptOut(db: Queryable, didNumber: string, customerNumber: string): Promise<OptOut | null> {
  const rows = await db.query<{ opted_out: boolean; keyword_message_seq: unknown }>(
    'SELECT opted_out, keyword_message_seq FROM opt_outs WHERE did_number = $1 AND customer_number = $2',
    [didNumber, customerNumber],
  );
  const row = rows[0];
  return row ? { optedOut: row.opted_out, keywordMessageSeq: Number(row.keyword_message_seq) } : null;
}

export async function saveOptOut(
  db: Queryable,
  state: { didNumber: string; customerNumber: string; optedOut: boolean; keywordMessageSeq: number; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO opt_outs (did_number, customer_number, opted_out, keyword_message_seq, changed_at)
     VALUES ($1, $2, $3, $4::int8, $5::timestamptz)
     ON CONFLICT (did_number, customer_number) DO UPDATE SET opted_out = EXCLUDED.opted_out,
       keyword_message_seq = EXCLUDED.keyword_message_seq, changed_at = EXCLUDED.changed_at`,
    [state.didNumber, state.customerNumber, state.optedOut, String(state.keywordMessageSeq), state.at.toISOString()],
  );
}

/**
 * Refuses a text to a customer who opted out of any of these numbers of ours (the conversation's
 * line and the one the text would leave from), until they text START or UNSTOP.
 */
export async function assertNotOptedOut(db: Queryable, ourNumbers: readonly string[], customerNumber: string): Promise<void> {
  const rows = await db.query<{ did_number: string }>(
    'SELECT did_number FROM opt_outs WHERE did_number = ANY($1::text[]) AND customer_number = $2 AND opted_out ORDER BY did_number',
    [`{${[...new Set(ourNumbers)].join(',')}}`, customerNumber],
  );
  if (rows[0]) {
    throw new ApiError(
      403,
      'opted_out',
      `${customerNumber} opted out of texts from ${rows[0].did_number} (replied STOP); nothing can be sent until they text START or UNSTOP`,
    );
  }
}
