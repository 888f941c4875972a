import { requireVisible } from '../conversations/access';
import { appendSystemMessage } from '../conversations/timeline';
import { agentLabel, agentRef } from '../directory/agents';
import type { EventWriter } from '../events/unit-of-work';
import type { AgentView } from '../http/schemas';
import { notFound } from '../http/errors';
import { listConversationBots, removeBot, type ConversationBot } from './presence';

/** The lifecycle line of a removal, like the queue's (seed 002 "System Messages"). */
export const botRemovedText = (botName: string, by: Pick<AgentView, 'name' | 'extension'>) => `Bot ${botName} removed by ${agentLabel(by)}`;

/**
 * An agent who sees the conversation removes a bot from it: the removal and its line in the
 * timeline ("Bot Night Owl removed by Jake Peralta (201)", sent to the members) commit together.
 * Resolves to the bots left; 404 when the bot is not in the conversation.
 */
export function removeBotFromConversation(
  events: Pick<EventWriter, 'run'>,
  agent: AgentView,
  conversationId: string,
  botId: string,
  at: Date,
): Promise<ConversationBot[]> {
  return events.run(async (tx, emit) => {
    await requireVisible(tx, conversationId, agent, { forUpdate: true });
    const bot = (await listConversationBots(tx, conversationId)).find((present) => present.id === botId);
    if (!bot || !(await removeBot(tx, conversationId, botId, agent.id, at))) throw notFound('bot in this conversation');
    const by = agentRef(agent);
    await appendSystemMessage(tx, emit, conversationId, botRemovedText(bot.name, by), { type: 'bot.removed', bot: { id: bot.id, name: bot.name }, by }, at);
    return listConversationBots(tx, conversationId);
  });
}
