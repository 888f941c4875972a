import type { ReadonlySignal } from '@preact/signals';
import type { StoredConversation } from '../utils/db/database';
import { t } from '../utils/i18n';
import { ConversationItem } from './ConversationItem';

type Props = {
  conversations: ReadonlySignal<StoredConversation[]>;
  selectedId: ReadonlySignal<string | null>;
  now: ReadonlySignal<number>;
  onSelect: (id: string) => void;
};

export function ConversationList({ conversations, selectedId, now, onSelect }: Props) {
  return (
    <nav class="inbox">
      <ul class="inbox__list" role="list" aria-label={t('conversations')}>
        {conversations.value.map((conversation) => (
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            selected={conversation.id === selectedId.value}
            now={now.value}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {conversations.value.length === 0 && <p class="empty">{t('emptyInbox')}</p>}
    </nav>
  );
}
