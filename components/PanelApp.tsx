import { useModel, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ConnectionModel } from '../utils/ui/connection-model';
import { ConversationBotsModel } from '../utils/ui/conversation-bots-model';
import { TemplatesModel } from '../utils/ui/templates-model';
import { WorkspaceModel } from '../utils/ui/workspace-model';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import { NewConversationDialog } from './NewConversationDialog';
import { QueueSection } from './QueueSection';
import { Sidebar } from './Sidebar';
import { Thread } from './Thread';
import { ThreadHeader } from './ThreadHeader';

/** What the URL asks the panel to show: `?number=<E164>` or `?conversation=<id>`; `host=dock` in a CRM page. */
export type PanelRoute = { number: string | null; conversation: string | null; docked: boolean };

/** After claiming or starting a conversation the agent's next step is to write: take them there. */
function focusComposerSoon() {
  requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('.composer__input:not(:disabled)')?.focus());
}

/**
 * The agent workspace: the sidebar (queue, conversations, search, + New) beside the open
 * conversation (header with its controls, virtualized thread, composer). Views only: every value
 * comes from the workspace model and every action goes back to it.
 */
export function PanelApp({ route }: { route: PanelRoute }) {
  const workspace = useModel(WorkspaceModel);
  const connection = useModel(ConnectionModel);
  const templates = useModel(TemplatesModel);
  const bots = useModel(ConversationBotsModel);
  const creating = useSignal(false);
  const { queue, thread, composer, actions, newChat } = workspace;

  useEffect(() => {
    if (route.conversation) workspace.select(route.conversation);
    else if (route.number) void workspace.openNumber(route.number);
  }, [route.conversation, route.number]);

  const selected = workspace.selected.value;
  // A routed bot joins a conversation with its first answer, so new activity re-reads the list.
  const botsOf = selected && (selected.type === 'sms' || selected.type === 'whatsapp') ? selected.id : null;
  useEffect(() => void bots.load(botsOf), [botsOf, selected?.lastMessageAt]);
  const header = thread.header.value;
  const threadWindow = thread.window.value;
  const now = connection.now.value;
  const notices = [workspace.notice.value, actions.notice.value, newChat.notice.value, bots.notice.value].filter((text): text is string => !!text);
  const contacts = { query: newChat.suggestQuery.value, onQuery: (query: string) => (newChat.suggestQuery.value = query), suggestions: newChat.suggestions.value };
  const sms = selected?.type === 'sms' || (selected?.type === 'group' && (selected.participants ?? []).some((p) => p.type === 'external'));
  const agent = connection.agent.value;

  return (
    <div class={`panel${route.docked ? ' panel--docked' : ''}`}>
      <header class="panel__header">
        <h1 class="panel__brand">{t('extName')}</h1>
        {agent && <span class="panel__me">{t('connectedAs', [agent.name, agent.extension])}</span>}
        <ConnectionBanner connection={connection} />
      </header>
      <Sidebar
        queue={
          <QueueSection
            waiting={queue.waiting.value}
            now={now}
            onClaim={async (id) => {
              const claimed = await queue.claim(id);
              if (claimed) focusComposerSoon();
              return claimed;
            }}
            notice={queue.notice.value}
            onDismissNotice={queue.dismissNotice}
          />
        }
        items={workspace.items.value}
        selectedId={workspace.selectedId.value}
        now={now}
        onSelect={workspace.select}
        searchQuery={workspace.searchQuery.value}
        onSearch={(query) => (workspace.searchQuery.value = query)}
        searchResults={workspace.searchResults.value}
        onOpenResult={workspace.selectSearchResult}
        onNew={() => {
          creating.value = true;
          void newChat.loadDirectory();
        }}
      />
      <main class="chat" aria-label={header ? header.title : t('conversation')}>
        {notices.map((text) => (
          <p key={text} class="notice" role="alert">
            {text}
          </p>
        ))}
        {selected && header && threadWindow ? (
          <>
            <ThreadHeader
              header={header}
              actions={{
                transferTargets: actions.transferTargets.value,
                loadTransferTargets: actions.loadTransferTargets,
                transfer: (target) => actions.transfer(selected.id, target),
                release: () => actions.release(selected.id),
                close: () => actions.close(selected.id),
                rename: (title) => actions.rename(selected.id, title),
                addParticipants: (add) => actions.addParticipants(selected.id, add),
                leave: () => actions.leave(selected.id),
              }}
              directory={newChat.directory.value}
              onOpenDirectory={() => void newChat.loadDirectory()}
              contacts={contacts}
              bots={{ list: bots.bots.value, remove: (botId) => bots.remove(selected.id, botId) }}
            />
            <Thread
              key={selected.id}
              window={threadWindow}
              toView={thread.toView.value}
              now={connection.now}
              focusMessageId={workspace.focusMessageId.value}
              onRetry={workspace.retryMessage}
              onDelete={workspace.deleteMessage}
            />
            <Composer
              key={selected.id}
              onSend={composer.send}
              blockedReason={composer.blockedReason.value}
              sms={sms}
              splitLongTexts={composer.splitLongTexts.value}
              searchTemplates={templates.search.value}
              route={{
                destinations: composer.destinations.value,
                destination: composer.destination.value ?? selected.customerNumber,
                onDestination: (number) => (composer.destination.value = number),
                callerIds: composer.callerIds.value,
                callerId: composer.callerId.value ?? selected.didNumber,
                onCallerId: (number) => (composer.callerId.value = number),
              }}
            />
          </>
        ) : (
          <p class="empty">{t('chooseConversation')}</p>
        )}
      </main>
      {creating.value && (
        <NewConversationDialog
          actions={{
            directory: newChat.directory.value,
            callerIds: composer.callerIds.value,
            contacts,
            startDirect: newChat.startDirect,
            startSms: newChat.startSms,
            startGroup: newChat.startGroup,
          }}
          onCancel={() => (creating.value = false)}
          onStarted={focusComposerSoon}
        />
      )}
    </div>
  );
}
