import type { ComponentChildren } from 'preact';
import { t } from '../utils/i18n';
import { ConversationList } from './ConversationList';
import { SearchResultsView } from './SearchResultsView';
import type { ConversationListItem, SearchResults } from '../utils/ui/view-data';

type Props = {
  /** The SMS queue section, on top. */
  queue: ComponentChildren;
  items: ConversationListItem[];
  selectedId: string | null;
  now: number;
  onSelect: (id: string) => void;
  searchQuery: string;
  onSearch: (query: string) => void;
  searchResults: SearchResults | null;
  onOpenResult: (conversationId: string, messageId?: string) => void;
  onNew: () => void;
};

/** The left column: search and "+ New", the SMS queue, then the agent's conversations (or search hits). */
export function Sidebar({ queue, items, selectedId, now, onSelect, searchQuery, onSearch, searchResults, onOpenResult, onNew }: Props) {
  return (
    <nav class="sidebar" aria-label={t('sidebar')}>
      <div class="sidebar__tools">
        <label class="visually-hidden" for="sidebar-search">
          {t('searchLabel')}
        </label>
        <input
          id="sidebar-search"
          type="search"
          class="sidebar__search"
          placeholder={t('searchPlaceholder')}
          value={searchQuery}
          onInput={(event) => onSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && searchQuery) {
              event.preventDefault();
              onSearch('');
            }
          }}
        />
        <button type="button" class="button button--small button--primary" onClick={onNew} aria-haspopup="dialog">
          {t('newConversation')}
        </button>
      </div>
      {queue}
      {searchResults ? (
        <SearchResultsView results={searchResults} now={now} selectedId={selectedId} onOpen={onOpenResult} />
      ) : (
        <ConversationList items={items} selectedId={selectedId} now={now} onSelect={onSelect} />
      )}
    </nav>
  );
}
