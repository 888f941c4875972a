import { useSignal } from '@preact/signals';
import type { AgentRef, GroupRef, Participant } from '../utils/model/conversation';
import type { ThreadHeader as ThreadHeaderData } from '../utils/ui/view-data';
import { t } from '../utils/i18n';
import type { ConversationBot } from '../utils/model/bot';
import { AddParticipantsDialog, type AddParticipants, type ContactLookup } from './AddParticipantsDialog';
import { ConversationBots } from './ConversationBots';
import { RenameDialog } from './RenameDialog';
import { TransferDialog, type TransferTarget } from './TransferDialog';

export interface ConversationActions {
  transferTargets: { agents: AgentRef[]; groups: GroupRef[] } | null;
  loadTransferTargets: () => Promise<void>;
  transfer: (target: TransferTarget) => Promise<boolean>;
  release: () => Promise<boolean>;
  close: () => Promise<boolean>;
  rename: (title: string) => Promise<boolean>;
  addParticipants: (add: AddParticipants) => Promise<boolean>;
  leave: () => Promise<boolean>;
}

type Props = {
  header: ThreadHeaderData;
  actions: ConversationActions;
  directory: AgentRef[];
  /** Loads the extension directory, when a dialog needs it. */
  onOpenDirectory: () => void;
  contacts: ContactLookup;
  /** The bots taking part in a customer conversation, and removing one (after the agent confirmed). */
  bots?: { list: ConversationBot[]; remove: (botId: string) => Promise<unknown> };
};

const participantName = (p: Participant) => (p.type === 'agent' ? `${p.name} (${p.extension})` : (p.name ?? p.number));

/**
 * The conversation's title bar: who it is with, its type, and the actions it allows now — queue
 * controls for a claimed queue conversation (the designated agent only), group controls for a
 * group chat; the bots in a customer conversation, each removable. Each dialog opens from its button and gives focus back to it on close.
 */
export function ThreadHeader({ header, actions, directory, onOpenDirectory, contacts, bots }: Props) {
  const dialog = useSignal<'transfer' | 'rename' | 'add' | null>(null);
  const { queueControls: queue, groupControls: group } = header;
  const members = header.type === 'group' ? header.participants.map(participantName).join(', ') : null;
  return (
    <header class="chat__header">
      <div class="chat__heading">
        <h2 class="chat__title">
          <span class={`type-badge type-badge--${header.type}`}>{t(`type_${header.type}`)}</span>
          <span class="chat__name">{header.title}</span>
          {header.number && header.number !== header.title && <span class="chat__number">{header.number}</span>}
        </h2>
        <p class="chat__sub">
          {header.groupName && <span class="queue-badge">{header.groupName}</span>}
          {header.state === 'closed' && <span class="flag">{t('state_closed')}</span>}
          {header.state === 'waiting' && <span class="flag">{t('state_waiting')}</span>}
          {members && <span class="chat__members">{members}</span>}
        </p>
        {bots && <ConversationBots bots={bots.list} onRemove={bots.remove} />}
      </div>
      {(queue || group) && (
        <div class="chat__actions" role="group" aria-label={t('conversationActions')}>
          {queue?.transfer && (
            <button
              type="button"
              class="button button--small"
              aria-haspopup="dialog"
              onClick={() => {
                dialog.value = 'transfer';
                void actions.loadTransferTargets();
              }}
            >
              {t('transfer')}
            </button>
          )}
          {queue?.release && (
            <button type="button" class="button button--small" onClick={() => void actions.release()}>
              {t('release')}
            </button>
          )}
          {queue?.close && (
            <button type="button" class="button button--small" onClick={() => void actions.close()}>
              {t('closeConversation')}
            </button>
          )}
          {group?.rename && (
            <button type="button" class="button button--small" aria-haspopup="dialog" onClick={() => (dialog.value = 'rename')}>
              {t('rename')}
            </button>
          )}
          {group?.addParticipants && (
            <button
              type="button"
              class="button button--small"
              aria-haspopup="dialog"
              onClick={() => {
                dialog.value = 'add';
                onOpenDirectory();
              }}
            >
              {t('addParticipants')}
            </button>
          )}
          {group?.leave && (
            <button type="button" class="button button--small button--danger" onClick={() => void actions.leave()}>
              {t('leave')}
            </button>
          )}
        </div>
      )}
      {dialog.value === 'transfer' && <TransferDialog targets={actions.transferTargets} onTransfer={actions.transfer} onCancel={() => (dialog.value = null)} />}
      {dialog.value === 'rename' && <RenameDialog current={header.title} onRename={actions.rename} onCancel={() => (dialog.value = null)} />}
      {dialog.value === 'add' && (
        <AddParticipantsDialog
          directory={directory.filter((agent) => !header.participants.some((p) => p.type === 'agent' && p.id === agent.id))}
          contacts={contacts}
          onAdd={actions.addParticipants}
          onCancel={() => (dialog.value = null)}
        />
      )}
    </header>
  );
}
