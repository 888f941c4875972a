import { activityAt, type Conversation } from '../utils/model/conversation';
import { age, exactTime } from '../utils/ui/age';

type Props = { conversation: Conversation; selected: boolean; now: number; onSelect: (id: string) => void };

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
      </button>
    </li>
  );
}
