import { t } from '../utils/i18n';
import { memo } from './memo';
import { age, exactTime } from '../utils/ui/age';
import type { ConversationListItem } from '../utils/ui/view-data';

type Props = { item: ConversationListItem; selected: boolean; now: number; onSelect: (id: string) => void };

/** The @mention marker of seed 000: red when this agent must answer, blue when another agent was alerted. */
function Mention({ item }: { item: ConversationListItem }) {
  if (!item.mention) return null;
  const text = item.mention === 'red' ? t('mention_you') : t('mention_other', item.mentionedName ?? '');
  return <span class={`mention mention--${item.mention}`}>{text}</span>;
}

/**
 * One sidebar row: the whole row is one button, so the list is a Tab stop per conversation.
 * Memoized: selecting a conversation renders the two rows whose selection changed, not the list.
 */
export const ConversationItem = memo(function ConversationItem({ item, selected, now, onSelect }: Props) {
  const showNumber = item.number !== null && item.number !== item.title;
  return (
    <li class="inbox__item">
      <button
        type="button"
        class={`inbox__button${item.unread > 0 ? ' inbox__button--unread' : ''}${item.closed ? ' inbox__button--closed' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(item.id)}
      >
        <span class="inbox__line">
          <span class={`type-badge type-badge--${item.type}`}>{t(`type_${item.type}`)}</span>
          <span class="inbox__title">{item.title}</span>
          {item.queueBadge && (
            <span class="queue-badge" title={item.groupName ?? undefined} aria-label={t('queueBadgeLabel', item.groupName ?? '')}>
              {t('queueBadge')}
            </span>
          )}
          <time class="inbox__time" dateTime={new Date(item.lastActivityAt).toISOString()} title={exactTime(item.lastActivityAt)}>
            {age(item.lastActivityAt, now)}
          </time>
        </span>
        {showNumber && <span class="inbox__number">{item.number}</span>}
        <span class="inbox__line">
          <span class="inbox__preview">{item.lastMessage ?? ''}</span>
          {item.unread > 0 && (
            <span class="inbox__unread" aria-label={t('unreadCount', String(item.unread))}>
              {item.unread}
            </span>
          )}
        </span>
        {(item.mention || item.optedOut) && (
          <span class="inbox__line inbox__flags">
            <Mention item={item} />
            {item.optedOut && <span class="flag flag--warn">{t('optedOutFlag')}</span>}
          </span>
        )}
      </button>
    </li>
  );
});
