import type { Transaction } from '../db/db';
import type { Outbound } from '../conversations/outbound';
import type { ConversationRecord, StoredMessage } from '../conversations/store';
import type { Emit } from '../events/unit-of-work';
import type { NumberAutomation } from './number-automation';

/**
 * What the automation that follows an inbound batch (bots' answers, actions) works on, inside the
 * batch's transaction: its conversations, the customer texts just stored, their numbers' settings,
 * and where to queue texts to send after commit.
 */
export type InboundBatch = {
  tx: Transaction;
  emit: Emit;
  conversations: readonly ConversationRecord[];
  stored: readonly StoredMessage[];
  automation: ReadonlyMap<string, NumberAutomation>;
  at: Date;
  outbound: Outbound[];
};
