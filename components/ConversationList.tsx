import { t } from '../utils/i18n';
import { ConversationItem } from './ConversationItem';
import type { ConversationListItem } from '../utils/ui/view-data';

type Props = { items: ConversationListItem[]; selectedId: string | null; now: number; onSelect: (id: string) => void; label?: string };

export function ConversationList({ items, selectedId, now, onSelect, label = t('conversations') }: Props) {
  return (
    <>
      <ul class="inbox__list" role="list" aria-label={label}>
        {items.map((item) => (
          <ConversationItem key={item.id} item={item} selected={item.id === selectedId} now={now} onSelect={onSelect} />
        ))}
      </ul>
      {items.length === 0 && <p class="empty">{t('emptyInbox')}</p>}
    </>
  );
}
