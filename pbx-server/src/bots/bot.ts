import type { BotRecord } from '../directory/bots';

/** What a bot sees of a text it may answer; workingTime: the number is inside its working hours. */
export type BotTurn = { body: string; customerNumber: string; at: Date; workingTime: boolean };

/** A bot answers a customer's text with a text, or stays silent (null). */
export interface Bot {
  readonly id: string;
  readonly name: string;
  replyTo(turn: BotTurn): string | null;
}

/**
 * A configured responder with a fixed reply. It answers outside working hours only: during them it
 * stays silent and humans handle the conversation (seed 003 "Routing to a Bot").
 */
export const configuredBot = (record: BotRecord): Bot => ({
  id: record.id,
  name: record.name,
  replyTo: (turn) => (turn.workingTime ? null : record.reply),
});
