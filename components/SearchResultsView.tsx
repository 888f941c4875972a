import { t } from '../utils/i18n';
import { age, exactTime } from '../utils/ui/age';
import { ConversationList } from './ConversationList';
import type { SearchResults } from '../utils/ui/view-data';

type Props = { results: SearchResults; now: number; selectedId: string | null; onOpen: (conversationId: string, messageId?: string) => void };

/** Matches from the whole local history: conversations by name, number or title, then messages by text. */
export function SearchResultsView({ results, now, selectedId, onOpen }: Props) {
  const none = results.conversations.length === 0 && results.messages.length === 0;
  return (
    <div class="search-results">
      <p class="visually-hidden" role="status">
        {t('searchCount', [String(results.conversations.length), String(results.messages.length)])}
      </p>
      {none && <p class="empty">{t('searchNone')}</p>}
      {results.conversations.length > 0 && (
        <ConversationList items={results.conversations} selectedId={selectedId} now={now} onSelect={(id) => onOpen(id)} label={t('searchConversations')} />
      )}
      {results.messages.length > 0 && (
        <>
          <h3 class="sidebar__subheading" id="search-messages-heading">
            {t('searchMessages')}
          </h3>
          <ul class="inbox__list" role="list" aria-labelledby="search-messages-heading">
            {results.messages.map((hit) => (
              <li key={hit.messageId} class="inbox__item">
                <button type="button" class="inbox__button" onClick={() => onOpen(hit.conversationId, hit.messageId)}>
                  <span class="inbox__line">
                    <span class="inbox__title">{hit.title}</span>
                    <time class="inbox__time" dateTime={new Date(hit.createdAt).toISOString()} title={exactTime(hit.createdAt)}>
                      {age(hit.createdAt, now)}
                    </time>
                  </span>
                  <span class="inbox__preview inbox__preview--hit">{hit.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
