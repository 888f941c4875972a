import type { BotRecord } from '../directory/bots';

/** What a bot sees of a text it may answer. */
export type BotTurn = { body: string; customerNumber: string; at: Date };

/**
 * A bot answers a customer's text with a text, or stays silent (null). Today the one kind is a
 * configured fixed reply; issue 7 adds bots that answer only outside working hours.
 */
export interface Bot {
  readonly id: string;
  readonly name: string;
  replyTo(turn: BotTurn): string | null;
}

export const configuredBot = (record: BotRecord): Bot => ({
  id: record.id,
  name: record.name,
  replyTo: () => record.reply,
});
