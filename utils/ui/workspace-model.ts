import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { StoredConversation, StoredMessage } from '../db/database';
import { t } from '../i18n';
import { request } from '../messaging/client';
import type { ConnectionState } from '../model/connection';
import { connectionItem } from '../settings';
import { explain } from './errors';
import { live } from './live';
import { connectPresence } from './presence';

const sessionRuns = (state: ConnectionState | null) => state?.status === 'connecting' || state?.status === 'online' || state?.status === 'offline';

/**
 * The panel's business state: reads Dexie through live queries (directly, or through the
 * background where the page cannot open IndexedDB), writes only through the background. Views get
 * signals and actions, nothing else. Every open panel runs its own model on the same store, so all
 * of them update together.
 */
export const WorkspaceModel = createModel(() => {
  const conversations = signal<StoredConversation[]>([]);
  const selectedId = signal<string | null>(null);
  const messages = signal<StoredMessage[]>([]);
  const unreadTotal = signal(0);
  const visible = signal(document.visibilityState === 'visible');
  /** A transient line for the agent (opening a number, a failed send). */
  const notice = signal<string | null>(null);
  const selected = computed(() => conversations.value.find((c) => c.id === selectedId.value) ?? null);

  effect(() => live('conversations', [], (rows) => (conversations.value = rows)));
  effect(() => live('unreadTotal', [], (count) => (unreadTotal.value = count)));
  effect(() => {
    const id = selectedId.value;
    if (!id) {
      messages.value = [];
      return;
    }
    return live('timeline', [id], (rows) => (messages.value = rows));
  });
  effect(() => {
    const update = () => (visible.value = document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  });
  // The tab title carries the unread count, so a panel tab in the background still shows it.
  effect(() => {
    document.title = unreadTotal.value > 0 ? t('panelTitleUnread', String(unreadTotal.value)) : t('extName');
  });
  // A conversation on screen is read: its unread count goes back to zero, now and as messages arrive.
  effect(() => {
    const conversation = selected.value;
    if (visible.value && conversation && conversation.unread > 0) {
      request('panel→bg:mark-read', { conversationId: conversation.id }).catch(() => undefined);
    }
  });

  const select = action((id: string) => {
    selectedId.value = id;
    notice.value = null;
    // Best effort: the event stream normally has the history already.
    request('panel→bg:load-messages', { conversationId: id }).catch(() => undefined);
  });

  effect(() => {
    const presence = connectPresence({
      onShow: (conversationId) => select(conversationId),
      shouldReconnect: async () => sessionRuns(await connectionItem.getValue()),
    });
    const stop = effect(() => presence.report({ conversationId: selectedId.value, visible: visible.value }));
    return () => {
      stop();
      presence.close();
    };
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

  const retryMessage = action(async (messageId: string) => {
    try {
      await request('panel→bg:retry-message', { messageId });
    } catch (error) {
      notice.value = t('retryFailed', explain(error));
    }
  });

  const deleteMessage = action(async (messageId: string) => {
    try {
      await request('panel→bg:delete-message', { messageId });
    } catch (error) {
      notice.value = t('deleteFailed', explain(error));
    }
  });

  return { conversations, selectedId, selected, messages, unreadTotal, notice, select, openNumber, sendReply, retryMessage, deleteMessage };
});
