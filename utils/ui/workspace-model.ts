import { action, computed, createModel, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { StoredConversation } from '../db/database';
import { t } from '../i18n';
import { request } from '../messaging/client';
import type { ConnectionState } from '../model/connection';
import type { AgentRef } from '../model/conversation';
import type { HistoryMatches } from '../db/search';
import { connectionItem, sessionItem } from '../settings';
import { createComposerSection } from './composer-model';
import { createConversationActions } from './conversation-actions-model';
import { afterNextPaint } from './after-paint';
import { explain } from './errors';
import { live } from './live';
import { createNewChat } from './new-chat-model';
import { connectPresence } from './presence';
import { createQueueSection } from './queue-model';
import { createThreadSection } from './thread-model';
import { inSidebar, toListItem, toSearchResults } from './view-data';

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
  const unreadTotal = signal(0);
  const visible = signal(document.visibilityState === 'visible');
  /** A transient line for the agent (opening a number, a failed send). */
  const notice = signal<string | null>(null);
  const selected = computed(() => conversations.value.find((c) => c.id === selectedId.value) ?? null);
  const agent = signal<AgentRef | null>(null);
  const me = computed(() => agent.value);
  const meId = computed(() => agent.value?.id ?? null);
  const items = computed(() => conversations.value.filter((row) => inSidebar(row, meId.value)).map((row) => toListItem(row, meId.value)));
  /** The search box; a query under two characters shows the list instead of results. */
  const searchQuery = signal('');
  const matches = signal<HistoryMatches | null>(null);
  const searchResults = computed(() => (matches.value ? toSearchResults(matches.value, conversations.value, meId.value) : null));
  const focusMessageId = signal<string | null>(null);

  effect(() => {
    const setAgent = (session: { agent: AgentRef } | null) => {
      const next = session ? { id: session.agent.id, extension: session.agent.extension, name: session.agent.name } : null;
      if (next?.id !== agent.peek()?.id) agent.value = next;
    };
    void sessionItem.getValue().then(setAgent);
    return sessionItem.watch(setAgent);
  });
  effect(() => {
    const query = searchQuery.value.trim();
    if (query.length < 2) {
      matches.value = null;
      return;
    }
    return live('search', [query.slice(0, 200)], (value) => (matches.value = value));
  });

  effect(() => live('conversations', [], (rows) => (conversations.value = rows)));
  effect(() => live('unreadTotal', [], (count) => (unreadTotal.value = count)));
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
    focusMessageId.value = null;
    notice.value = null;
    // Best effort: the event stream normally has the history already. After the thread's first
    // frame: the message round trip to the background would otherwise be part of the click's task.
    afterNextPaint(() => void request('panel→bg:load-messages', { conversationId: id }).catch(() => undefined));
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

  /** Opens a search hit; a message hit also tells the thread which message to scroll to. */
  const selectSearchResult = action((conversationId: string, messageId?: string) => {
    select(conversationId);
    focusMessageId.value = messageId ?? null;
  });

  const queue = createQueueSection({ me: meId, conversations, select });
  const thread = createThreadSection({ selected, selectedId, me: meId });
  const composer = createComposerSection({ selected, me: meId, select, notice });
  const actions = createConversationActions(() => selected.peek()?.group?.id ?? null);
  const newChat = createNewChat({ select });

  return {
    conversations,
    selectedId,
    selected,
    unreadTotal,
    notice,
    select,
    openNumber,
    sendReply,
    retryMessage,
    deleteMessage,
    me,
    items,
    searchQuery,
    searchResults,
    selectSearchResult,
    focusMessageId: focusMessageId as ReadonlySignal<string | null>,
    queue,
    thread,
    composer,
    actions,
    newChat,
  };
});
