import { useModel } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ConnectionModel } from '../utils/ui/connection-model';
import { WorkspaceModel } from '../utils/ui/workspace-model';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import { ConversationList } from './ConversationList';
import { Thread } from './Thread';

/** What the URL asks the panel to show: `?number=<E164>` or `?conversation=<id>`; `host=dock` in a CRM page. */
export type PanelRoute = { number: string | null; conversation: string | null; docked: boolean };

export function PanelApp({ route }: { route: PanelRoute }) {
  const workspace = useModel(WorkspaceModel);
  const connection = useModel(ConnectionModel);

  useEffect(() => {
    if (route.conversation) workspace.select(route.conversation);
    else if (route.number) void workspace.openNumber(route.number);
  }, [route.conversation, route.number]);

  const selected = workspace.selected.value;
  return (
    <div class={`panel${route.docked ? ' panel--docked' : ''}`}>
      <header class="panel__header">
        <h1 class="panel__brand">{t('extName')}</h1>
        <ConnectionBanner connection={connection} />
      </header>
      <ConversationList conversations={workspace.conversations} selectedId={workspace.selectedId} now={connection.now} onSelect={workspace.select} />
      <main class="chat">
        {workspace.notice.value && <p class="notice" role="alert">{workspace.notice.value}</p>}
        {selected ? (
          <>
            <h2 class="chat__title">
              {selected.title || selected.customerNumber}
              {selected.customerNumber && selected.title !== selected.customerNumber && <span class="chat__number">{selected.customerNumber}</span>}
            </h2>
            <Thread messages={workspace.messages} now={connection.now} onRetry={workspace.retryMessage} onDelete={workspace.deleteMessage} />
            <Composer onSend={workspace.sendReply} />
          </>
        ) : (
          <p class="empty">{t('chooseConversation')}</p>
        )}
      </main>
    </div>
  );
}
