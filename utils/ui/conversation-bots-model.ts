import { action, createModel, signal, type ReadonlySignal } from '@preact/signals';
import { request } from '../messaging/client';
import type { ConversationBot } from '../model/bot';
import { attempt } from './attempt';

/**
 * The bots taking part in the open customer conversation (seed 003), read from the PBX when the
 * thread opens or has new activity (a routed bot joins with its first answer), and removing one.
 * Answers for a conversation the agent has since left are dropped.
 */
export const ConversationBotsModel = createModel(() => {
  const bots = signal<ConversationBot[]>([]);
  const notice = signal<string | null>(null);
  let showing: string | null = null;

  /** `conversationId`: the customer conversation on screen, or null for none (or a chat between agents). */
  const load = action(async (conversationId: string | null) => {
    if (conversationId !== showing) bots.value = [];
    showing = conversationId;
    notice.value = null;
    if (!conversationId) return;
    try {
      const answer = await request('panel→bg:conversation-bots', { conversationId });
      if (showing === conversationId) bots.value = answer.bots;
    } catch (error) {
      // Offline or an older PBX: the header simply lists no bots; removing needs the PBX anyway.
      console.info('[parley] could not read the bots of the conversation', error);
    }
  });

  const remove = action((conversationId: string, botId: string) =>
    attempt(notice, 'removeBotFailed', async () => {
      const answer = await request('panel→bg:remove-bot', { conversationId, botId });
      if (showing === conversationId) bots.value = answer.bots;
    }),
  );

  return { bots: bots as ReadonlySignal<ConversationBot[]>, notice: notice as ReadonlySignal<string | null>, load, remove };
});
