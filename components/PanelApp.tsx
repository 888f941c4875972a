import { useModel, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { StoredMessage } from '../utils/db/database';
import { t } from '../utils/i18n';
import { ConnectionModel } from '../utils/ui/connection-model';
import { createThreadWindow } from '../utils/ui/thread-window';
import { WorkspaceModel } from '../utils/ui/workspace-model';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import type { ThreadMessage } from './MessageItem';
import { Sidebar } from './Sidebar';
import { Thread } from './Thread';
import type { ConversationListItem } from './view-types';

/** What the URL asks the panel to show: `?number=<E164>` or `?conversation=<id>`; `host=dock` in a CRM page. */
export type PanelRoute = { number: string | null; conversation: string | null; docked: boolean };

function basicThreadMessage(row: StoredMessage): ThreadMessage {
  const failed = row.direction === 'outbound' && row.status === 'failed';
  return {
    id: row.id,
    body: row.body,
    createdAt: row.createdAt,
    kind: row.kind === 'system' ? 'system' : 'text',
    direction: row.direction,
    mine: row.direction === 'outbound',
    senderName: null,
    status: row.status,
    failureReason: row.failureReason,
    canRetry: failed,
    canDelete: failed,
    readBy: [],
  };
}

export function PanelApp({ route }: { route: PanelRoute }) {
  const workspace = useModel(WorkspaceModel);
  const connection = useModel(ConnectionModel);
  const search = useSignal('');

  useEffect(() => {
    if (route.conversation) workspace.select(route.conversation);
    else if (route.number) void workspace.openNumber(route.number);
  }, [route.conversation, route.number]);

  const selected = workspace.selected.value;
  const selectedId = selected?.id ?? null;
  const threadWindow = useMemo(() => (selectedId ? createThreadWindow(selectedId) : null), [selectedId]);
  useEffect(() => () => threadWindow?.dispose(), [threadWindow]);

  const items: ConversationListItem[] = workspace.conversations.value.map((c) => ({
    id: c.id,
    type: c.type,
    title: c.customerName || c.title || c.customerNumber || '',
    number: c.customerNumber,
    unread: c.unread,
    lastMessage: c.lastMessagePreview,
    lastActivityAt: c.activityAt,
    queueBadge: c.group?.kind === 'queue',
    groupName: c.group?.name ?? null,
    mention: null,
    mentionedName: null,
    optedOut: c.optedOut ?? false,
    closed: c.state === 'closed',
  }));
  const now = connection.now.value;
  return (
    <div class={`panel${route.docked ? ' panel--docked' : ''}`}>
      <header class="panel__header">
        <h1 class="panel__brand">{t('extName')}</h1>
        <ConnectionBanner connection={connection} />
      </header>
      <Sidebar
        queue={null}
        items={items}
        selectedId={selectedId}
        now={now}
        onSelect={workspace.select}
        searchQuery={search.value}
        onSearch={(query) => (search.value = query)}
        searchResults={null}
        onOpenResult={(id) => workspace.select(id)}
        onNew={() => undefined}
      />
      <main class="chat">
        {workspace.notice.value && <p class="notice" role="alert">{workspace.notice.value}</p>}
        {selected && threadWindow ? (
          <>
            <h2 class="chat__title">
              {selected.title || selected.customerNumber}
              {selected.customerNumber && selected.title !== selected.customerNumber && <span class="chat__number">{selected.customerNumber}</span>}
            </h2>
            <Thread key={selectedId} window={threadWindow} toView={basicThreadMessage} now={connection.now} onRetry={workspace.retryMessage} onDelete={workspace.deleteMessage} />
            <Composer key={selectedId} onSend={workspace.sendReply} sms={selected.type === 'sms'} />
          </>
        ) : (
          <p class="empty">{t('chooseConversation')}</p>
        )}
      </main>
    </div>
  );
}
