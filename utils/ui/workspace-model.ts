import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { StoredMessage } from '../db/database';
import { t } from '../i18n';
import { request } from '../messaging/client';
import type { Conversation } from '../model/conversation';
import { explain } from './errors';
import { live } from './live';

/**
 * The panel's business state: reads Dexie through live queries (directly, or through the
 * background where the page cannot open IndexedDB), writes only through the background. Views get
 * signals and actions, nothing else.
 */
export const WorkspaceModel = createModel(() => {
  const conversations = signal<Conversation[]>([]);
  const selectedId = signal<string | null>(null);
  const messages = signal<StoredMessage[]>([]);
  /** A transient line for the agent (opening a number, a failed send). */
  const notice = signal<string | null>(null);
  const selected = computed(() => conversations.value.find((c) => c.id === selectedId.value) ?? null);

  effect(() => live('conversations', [], (rows) => (conversations.value = rows)));
  effect(() => {
    const id = selectedId.value;
    if (!id) {
      messages.value = [];
      return;
    }
    return live('timeline', [id], (rows) => (messages.value = rows));
  });

  const select = action((id: string) => {
    selectedId.value = id;
    notice.value = null;
    // Best effort: the event stream normally has the history already.
    request('panel→bg:load-messages', { conversationId: id }).catch(() => undefined);
  });

  const openNumber = action(async (number: string) => {
    notice.value = t('openingNumber', number);
    try {
      const { conversationId } = await request('panel→bg:open-number', { number });
      select(conversationId);
    } catch (error) {
      notice.value = t('openFailed', [number, explain(error)]);
    }
  });

  /** Resolves true once the reply is in the outbox (the composer then clears). */
  const sendReply = action(async (body: string): Promise<boolean> => {
    const conversationId = selectedId.value;
    if (!conversationId || body.trim() === '') return false;
    try {
      await request('panel→bg:send-reply', { conversationId, body });
      notice.value = null;
      return true;
    } catch (error) {
      notice.value = t('sendFailed', explain(error));
      return false;
    }
  });

  return { conversations, selectedId, selected, messages, notice, select, openNumber, sendReply };
});
