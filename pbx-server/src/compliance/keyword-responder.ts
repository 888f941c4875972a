import type { Clock } from '../clock';
import type { OutboundDispatcher } from '../carriers/dispatcher';
import { appendAutomatedText } from '../conversations/outbound';
import { notifyMembers } from '../conversations/timeline';
import type { Db, Queryable } from '../db/db';
import type { Channel } from '../directory/numbers';
import type { Emit, EventWriter } from '../events/unit-of-work';
import type { KeywordReplyBook } from './keyword-replies';
import { classifyKeyword } from './keywords';
import { applyKeyword } from './opt-out-state';
import { findOptOut, lockOptOut, saveOptOut } from './opt-outs';

type InboundRow = { seq: unknown; conversation_id: string; body: string; from_number: string; to_number: string; channel: Channel };

/**
 * STOP, START/UNSTOP and HELP, per (our number, customer number). Runs after the inbound path has
 * stored the text (the keyword stays in the conversation for agents to read), then updates the
 * opt-out state, tells the conversation's members when it changed (conversation.optedOut), and
 * answers with the number's configured automatic reply: the one text that still reaches an
 * opted-out customer (conversations/outbound.ts refuses every other).
 *
 * Safe to call again for the same text (carriers retry): a keyword is applied only if it is newer
 * (messages.seq) than the one that last set the state, so a retried STOP cannot undo a later START.
 */
export class KeywordResponder {
  constructor(
    private readonly deps: { db: Db; events: EventWriter; clock: Clock; dispatcher: OutboundDispatcher; replies: KeywordReplyBook },
  ) {}

  async afterInbound(messageId: string): Promise<void> {
    const reply = await this.deps.events.run(async (tx, emit) => {
      const text = await findInboundText(tx, messageId);
      const keyword = text ? classifyKeyword(text.body) : null;
      if (!text || !keyword) return null;
      const seq = Number(text.seq);
      await lockOptOut(tx, text.to_number, text.from_number);
      const before = await findOptOut(tx, text.to_number, text.from_number);
      if (before && before.keywordMessageSeq >= seq) return null;

      const wasOptedOut = before?.optedOut ?? false;
      const outcome = applyKeyword(wasOptedOut, keyword);
      const at = this.deps.clock.now();
      await saveOptOut(tx, { didNumber: text.to_number, customerNumber: text.from_number, optedOut: outcome.optedOut, keywordMessageSeq: seq, at });
      if (outcome.optedOut !== wasOptedOut) await announceOptOutChange(tx, emit, text.to_number, text.from_number);

      const body = outcome.reply && this.deps.replies.textFor(text.to_number, outcome.reply);
      if (!body) return null;
      const conversation = { id: text.conversation_id, type: text.channel, didNumber: text.to_number, customerNumber: text.from_number };
      return appendAutomatedText(tx, emit, conversation, body, at, { answersKeyword: true });
    });
    if (reply) this.deps.dispatcher.dispatch(reply.message, reply.channel);
  }
}

async function findInboundText(db: Queryable, messageId: string): Promise<InboundRow | null> {
  const rows = await db.query<InboundRow>(
    `SELECT m.seq, m.conversation_id, m.body, m.from_number, m.to_number, c.type AS channel
     FROM messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE m.id = $1 AND m.direction = 'inbound' AND c.type IN ('sms', 'whatsapp')`,
    [messageId],
  );
  return rows[0] ?? null;
}

/** conversation.updated (with the new optedOut) to the members of every conversation of the pair. */
async function announceOptOutChange(tx: Queryable, emit: Emit, didNumber: string, customerNumber: string): Promise<void> {
  const conversations = await tx.query<{ id: string }>(
    `SELECT id FROM conversations WHERE did_number = $1 AND customer_number = $2 ORDER BY id`,
    [didNumber, customerNumber],
  );
  for (const { id } of conversations) await notifyMembers(tx, emit, id, (conversation) => ({ kind: 'conversation.updated', conversation }));
}
