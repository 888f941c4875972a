import { action, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import { request } from '../messaging/client';
import type { ConversationBot } from '../model/bot';
import { attempt } from './attempt';
import { live } from './live';

/** The conversation on screen, and what its first read settles (`load`'s promise). */
type Showing = { conversationId: string; loaded: () => void };

/**
 * The bots taking part in the open customer conversation (seed 003), read from the PBX when the
 * thread opens or has new activity (a routed bot joins with its first answer), and removing one.
 * A colleague's removal reaches this panel as its line in the thread (event `bot.removed`, stored
 * by the sync engine): a new bot line in the conversation reads the list again, without a reload.
 * Answers for a conversation the agent has since left are dropped.
 */
export const ConversationBotsModel = createModel(() => {
  const bots = signal<ConversationBot[]>([]);
  const notice = signal<string | null>(null);
  const showing = signal<Showing | null>(null);

  const read = async (conversationId: string) => {
    try {
      const answer = await request('panel→bg:conversation-bots', { conversationId });
      if (showing.peek()?.conversationId === conversationId) bots.value = answer.bots;
    } catch (error) {
      // Offline or an older PBX: the header simply lists no bots; removing needs the PBX anyway.
      console.info('[parley] could not read the bots of the conversation', error);
    }
  };

  // The first read waits for the bot lines stored so far: any change they record committed before
  // the read is sent, so the answer includes it, and only lines stored later call for another read.
  effect(() => {
    const current = showing.value;
    if (!current) return;
    let seen: ReadonlySet<string> | null = null;
    const stop = live('botLines', [current.conversationId], (lines) => {
      const before = seen;
      seen = new Set(lines);
      if (!before) void read(current.conversationId).then(current.loaded);
      else if (lines.some((id) => !before.has(id))) void read(current.conversationId);
    });
    return () => {
      stop();
      current.loaded();
    };
  });

  /** `conversationId`: the customer conversation on screen, or null for none (or a chat between agents). */
  const load = action((conversationId: string | null): Promise<void> => {
    notice.value = null;
    if (conversationId === (showing.peek()?.conversationId ?? null)) return conversationId ? read(conversationId) : Promise.resolve();
    bots.value = [];
    if (!conversationId) {
      showing.value = null;
      return Promise.resolve();
    }
    return new Promise((loaded) => (showing.value = { conversationId, loaded }));
  });

  const remove = action((conversationId: string, botId: string) =>
    attempt(notice, 'removeBotFailed', async () => {
      const answer = await request('panel→bg:remove-bot', { conversationId, botId });
      if (showing.peek()?.conversationId === conversationId) bots.value = answer.bots;
    }),
  );

  return { bots: bots as ReadonlySignal<ConversationBot[]>, notice: notice as ReadonlySignal<string | null>, load, remove };
});
