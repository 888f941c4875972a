import type { Clock } from '../clock';
import type { OutboundDispatcher } from '../carriers/dispatcher';
import type { Db, Queryable } from '../db/db';
import { findGroup } from '../directory/groups';
import type { EventWriter } from '../events/unit-of-work';
import { appendAutomatedText, type Outbound } from '../conversations/outbound';
import { toConversationRecord, type ConversationRow } from '../conversations/store';
import { appendSystemMessage } from '../conversations/timeline';
import { lifecycleText } from './lifecycle-text';
import { closeConversation, type QueueService } from './service';

// Due conversations handled per run; the rest wait for the next run.
const BATCH = 100;

/**
 * The two queue timers (seed 002 "Automatic Timeouts"), as deadlines stored on the conversation and
 * applied by the scheduler: claimed without a reply for the queue's idle timeout -> released back to
 * the queue; waiting for its unclaimed timeout -> its automated reply, then closed. Each
 * conversation is handled in its own transaction, skipping rows another instance is handling.
 */
export class QueueTimeouts {
  constructor(
    private readonly deps: { db: Db; events: EventWriter; clock: Clock; dispatcher: OutboundDispatcher; queues: QueueService },
  ) {}

  async runDue(): Promise<void> {
    const now = this.deps.clock.now();
    for (const id of await this.due('idle_deadline', now)) await this.releaseIdle(id, now);
    for (const id of await this.due('unclaimed_deadline', now)) await this.closeUnclaimed(id, now);
  }

  private async due(column: 'idle_deadline' | 'unclaimed_deadline', now: Date): Promise<string[]> {
    const rows = await this.deps.db.query<{ id: string }>(
      `SELECT id FROM conversations WHERE ${column} <= $1::timestamptz ORDER BY ${column} LIMIT ${BATCH}`,
      [now.toISOString()],
    );
    return rows.map((r) => r.id);
  }

  private async releaseIdle(id: string, now: Date): Promise<void> {
    await this.deps.events.run(async (tx, emit) => {
      const conversation = await stillDue(tx, id, 'assigned', 'idle_deadline', now);
      if (!conversation) return;
      const group = await findGroup(tx, conversation.groupId!);
      const line = {
        body: lifecycleText.releasedIdle(group?.idleTimeoutSeconds ?? 0),
        event: { type: 'queue.released' as const, reason: 'idle_timeout' as const },
      };
      await this.deps.queues.requeue(tx, emit, conversation, now, line);
    });
  }

  private async closeUnclaimed(id: string, now: Date): Promise<void> {
    const outbound: Outbound[] = [];
    await this.deps.events.run(async (tx, emit) => {
      const conversation = await stillDue(tx, id, 'waiting', 'unclaimed_deadline', now);
      if (!conversation) return;
      const group = await findGroup(tx, conversation.groupId!);
      if (group?.unclaimedReply && conversation.customerNumber) {
        const reply = await appendAutomatedText(tx, emit, conversation, group.unclaimedReply, now);
        if (reply) outbound.push(reply);
      }
      await closeConversation(tx, id, now);
      const body = lifecycleText.closedUnclaimed(group?.unclaimedTimeoutSeconds ?? 0);
      await appendSystemMessage(tx, emit, id, body, { type: 'queue.closed', reason: 'unclaimed_timeout' }, now);
    });
    for (const o of outbound) this.deps.dispatcher.dispatch(o.message, o.channel);
  }
}

/**
 * The conversation, locked, if its timer is still due in the state it was armed for; null when a
 * reply, claim or close got there first, or another instance is handling it.
 */
async function stillDue(tx: Queryable, id: string, state: 'assigned' | 'waiting', deadline: 'idle_deadline' | 'unclaimed_deadline', now: Date) {
  const rows = await tx.query<ConversationRow>(
    `SELECT * FROM conversations WHERE id = $1 AND state = $2 AND ${deadline} <= $3::timestamptz FOR UPDATE SKIP LOCKED`,
    [id, state, now.toISOString()],
  );
  return rows[0] ? toConversationRecord(rows[0]) : null;
}
