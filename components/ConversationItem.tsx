import type { StoredConversation } from '../utils/db/database';
import { t } from '../utils/i18n';
import { activityAt } from '../utils/model/conversation';
import { age, exactTime } from '../utils/ui/age';

type Props = { conversation: StoredConversation; selected: boolean; now: number; onSelect: (id: string) => void };

export function ConversationItem({ conversation, selected, now, onSelect }: Props) {
  const at = activityAt(conversation);
  const number = conversation.customerNumber;
  return (
    <li class="inbox__item">
      <button type="button" class="inbox__button" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(conversation.id)}>
        <span class="inbox__title">{conversation.title || number}</span>
        <time class="inbox__time" dateTime={new Date(at).toISOString()} title={exactTime(at)}>
          {age(at, now)}
        </time>
        {number && conversation.title && conversation.title !== number && <span class="inbox__number">{number}</span>}
        <span class="inbox__preview">{conversation.lastMessagePreview ?? ''}</span>
        {conversation.unread > 0 && (
          <span class="inbox__unread" aria-label={t('unreadCount', String(conversation.unread))}>
            {conversation.unread}
          </span>
        )}
      </button>
    </li>
  );
}
