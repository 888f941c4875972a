import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QueueSection } from '../../components/QueueSection';
import { Sidebar } from '../../components/Sidebar';
import type { ConversationListItem, SearchResults, WaitingItem } from '../../utils/ui/view-data';
import { installI18n } from '../setup/i18n';

const NOW = Date.parse('2026-11-20T10:30:00Z');

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
afterEach(cleanup);

function item(fields: Partial<ConversationListItem> & Pick<ConversationListItem, 'id' | 'title'>): ConversationListItem {
  return { type: 'sms', number: null, unread: 0, lastMessage: null, lastActivityAt: NOW - 5 * 60_000, queueBadge: false, groupName: null, mention: null, mentionedName: null, optedOut: false, closed: false, ...fields };
}

const items: ConversationListItem[] = [
  item({ id: 'c1', title: 'Maria Lopez', number: '+15035550142', lastMessage: 'Where is my parcel?', unread: 2, queueBadge: true, groupName: 'SMS Support Queue', mention: 'red', mentionedName: 'Jake Peralta' }),
  item({ id: 'c2', type: 'sms', title: 'Daniel Okafor', number: '+15035550177', mention: 'blue', mentionedName: 'Rosa Diaz', lastMessage: 'Do you ship to Canada?' }),
  item({ id: 'c3', type: 'direct', title: 'Amy Santiago', lastMessage: 'Lunch?' }),
  item({ id: 'c4', type: 'group', title: 'Returns team' }),
  item({ id: 'c5', type: 'whatsapp', title: '+15035550166', number: '+15035550166', optedOut: true }),
];

function renderSidebar(overrides: Partial<Parameters<typeof Sidebar>[0]> = {}) {
  const props = {
    queue: null,
    items,
    selectedId: 'c3',
    now: NOW,
    onSelect: vi.fn(),
    searchQuery: '',
    onSearch: vi.fn(),
    searchResults: null as SearchResults | null,
    onOpenResult: vi.fn(),
    onNew: vi.fn(),
    ...overrides,
  };
  render(<Sidebar {...props} />);
  return props;
}

describe('conversation list', () => {
  it('shows each conversation with its type badge, unread count, last message, age and queue badge', () => {
    renderSidebar();
    const list = screen.getByRole('list', { name: 'Conversations' });
    const rows = within(list).getAllByRole('button');
    expect(rows.map((row) => row.textContent)).toEqual([
      'SMSMaria LopezQ5 min+15035550142Where is my parcel?2@You',
      'SMSDaniel Okafor5 min+15035550177Do you ship to Canada?@Rosa Diaz',
      'ChatAmy Santiago5 minLunch?',
      'GroupReturns team5 min',
      'WhatsApp+150355501665 minOpted out',
    ]);
    expect(within(rows[0]!).getByLabelText('2 unread')).toBeTruthy();
    expect(within(rows[0]!).getByLabelText('Queue conversation: SMS Support Queue')).toBeTruthy();
    expect(rows[2]!.getAttribute('aria-current')).toBe('true');
  });

  it('marks the @mention red when this agent must answer and blue when another agent was alerted', () => {
    renderSidebar();
    expect(screen.getByText('@You').className).toContain('mention--red');
    expect(screen.getByText('@Rosa Diaz').className).toContain('mention--blue');
  });

  it('selects with the keyboard: every row is a button in the Tab order', () => {
    const { onSelect } = renderSidebar();
    const row = screen.getByRole('button', { name: /Daniel Okafor/ });
    row.focus();
    expect(document.activeElement).toBe(row);
    fireEvent.click(row);
    expect(onSelect).toHaveBeenCalledWith('c2');
  });

  it('renders names and previews as text, never as HTML', () => {
    renderSidebar({ items: [item({ id: 'x', title: '<b onmouseover=alert(1)>Eve</b>', lastMessage: '<img src=x onerror=alert(1)>' })] });
    const list = screen.getByRole('list', { name: 'Conversations' });
    expect(list.querySelector('img, b')).toBeNull();
    expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('search', () => {
  it('binds the search box, clears it with Escape, and shows conversation and message hits instead of the list', () => {
    const results: SearchResults = {
      conversations: [items[0]!],
      messages: [{ messageId: 'm9', conversationId: 'c2', title: 'Daniel Okafor', body: 'parcel to Toronto', createdAt: NOW - 3 * 3600_000 }],
    };
    const { onSearch, onOpenResult } = renderSidebar({ searchQuery: 'parcel', searchResults: results });
    const box = screen.getByRole('searchbox', { name: 'Search conversations and messages' });
    fireEvent.input(box, { target: { value: 'parcels' } });
    expect(onSearch).toHaveBeenLastCalledWith('parcels');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onSearch).toHaveBeenLastCalledWith('');

    expect(screen.queryByRole('list', { name: 'Conversations' })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Matching conversations' })).getAllByRole('button')).toHaveLength(1);
    const hit = within(screen.getByRole('list', { name: 'Messages' })).getByRole('button', { name: /parcel to Toronto/ });
    expect(hit.textContent).toContain('3 h');
    fireEvent.click(hit);
    expect(onOpenResult).toHaveBeenCalledWith('c2', 'm9');
    expect(screen.getByRole('status').textContent).toBe('1 conversations and 1 messages found');
  });

  it('says so when nothing matches', () => {
    renderSidebar({ searchQuery: 'zzz', searchResults: { conversations: [], messages: [] } });
    expect(screen.getByText('Nothing matches in the history on this computer.')).toBeTruthy();
  });

  it('opens + New as a dialog', () => {
    const { onNew } = renderSidebar();
    const button = screen.getByRole('button', { name: '+ New' });
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    fireEvent.click(button);
    expect(onNew).toHaveBeenCalled();
  });
});

describe('SMS queue section', () => {
  const waiting: WaitingItem[] = [
    { conversationId: 'q1', title: '+15035550123', number: '+15035550123', preview: 'Is the store open on Sunday?', waitingSince: NOW - 7 * 60_000, groupName: 'SMS Support Queue', mentioned: true },
    { conversationId: 'q2', title: 'Maria Lopez', number: '+15035550142', preview: 'Charged twice', waitingSince: NOW - 2 * 60_000, groupName: 'SMS Support Queue', mentioned: false },
  ];

  it('lists who is waiting with the number or name, preview, time waiting and Claim', async () => {
    const onClaim = vi.fn(async () => true);
    render(<QueueSection waiting={waiting} now={NOW} onClaim={onClaim} notice={null} onDismissNotice={vi.fn()} />);
    const region = screen.getByRole('region', { name: /SMS queue/ });
    const rows = within(region).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      '+15035550123waiting 7 minIs the store open on Sunday?SMS Support Queue@YouClaim',
      'Maria Lopezwaiting 2 min+15035550142Charged twiceSMS Support QueueClaim',
    ]);
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Claim' }));
    await waitFor(() => expect(onClaim).toHaveBeenCalledWith('q2'));
  });

  it('tells the agent when someone else claimed a conversation, and the notice can be dismissed', () => {
    const onDismiss = vi.fn();
    render(<QueueSection waiting={[waiting[1]!]} now={NOW} onClaim={vi.fn(async () => true)} notice="Claimed by Amy Santiago (202)" onDismissNotice={onDismiss} />);
    const region = screen.getByRole('region', { name: /SMS queue/ });
    expect(within(region).getByRole('status').textContent).toContain('Claimed by Amy Santiago (202)');
    expect(within(region).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(region).getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  it('takes no room when nobody waits and there is nothing to say', () => {
    const { container } = render(<QueueSection waiting={[]} now={NOW} onClaim={vi.fn(async () => true)} notice={null} onDismissNotice={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });
});
