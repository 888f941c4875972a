import { classifyKeyword } from '../compliance/keywords';
import { appendAutomatedText } from '../conversations/outbound';
import { findBot } from '../directory/bots';
import { isWorkingTime } from '../routing/effective-route';
import type { InboundBatch } from '../routing/inbound-batch';
import { configuredBot } from './bot';
import { answeringBots } from './presence';

/**
 * The routed bots of the batch's conversations answer each customer text they want to (queued in
 * `outbound`, sent after commit). Only conversations a route gave a bot can have one that answers,
 * so the others cost no query.
 */
export async function answerByBots({ tx, emit, conversations, stored, automation, at, outbound }: InboundBatch): Promise<void> {
  const withBot = new Map(conversations.filter((c) => c.botId).map((c) => [c.id, c]));
  if (withBot.size === 0) return;
  const bots = await answeringBots(tx, [...withBot.keys()]);
  for (const m of stored) {
    const conversation = withBot.get(m.conversationId);
    // STOP/START/HELP get their answer from compliance/keyword-responder.ts, not from the bot.
    if (!conversation || classifyKeyword(m.body)) continue;
    const workingTime = isWorkingTime(automation.get(conversation.didNumber!)!, at);
    for (const botId of bots.get(conversation.id) ?? []) {
      const record = await findBot(tx, botId);
      const reply = record ? configuredBot(record).replyTo({ body: m.body, customerNumber: m.from, at, workingTime }) : null;
      const text = reply === null ? null : await appendAutomatedText(tx, emit, conversation, reply, at);
      if (text) outbound.push(text);
    }
  }
}
