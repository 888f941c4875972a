import type { Transaction } from '../db/db';

// Any constant works; it only has to be the same for every server instance sharing the database.
const INBOUND_ROUTING_LOCK_KEY = 7_220_003;

/**
 * Held, until commit, by an inbound batch that routes (starts a conversation, retries a ring group,
 * takes a bot's conversation elsewhere, adds a missing agent). Routing locks group and agent rows in
 * the order the batch's texts arrived; two batches routing side by side could take them in opposite
 * orders and deadlock. Taken after the batch's own conversation locks and before any group or agent
 * lock, so routing batches queue here one after another while batches of plain follow-ups (which
 * lock no group or agent) go on beside them.
 */
export async function lockInboundRouting(tx: Transaction): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [INBOUND_ROUTING_LOCK_KEY]);
}
