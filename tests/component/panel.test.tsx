import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelApp } from '../../components/PanelApp';
import { upsertConversation } from '../../utils/db/conversations';
import { db } from '../../utils/db/database';
import { sessionItem } from '../../utils/settings';
import { upsertMessage } from '../../utils/db/messages';
import { conversation, message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';
import { fakeBackgroundPort } from '../setup/background-port';
import { installThreadLayout } from '../setup/layout';

/** Every panel→bg message, answered like the background would. */
let sent: Array<{ name: string; payload: unknown }>;
let background: ReturnType<typeof fakeBackgroundPort>;

beforeEach(async () => {
  fakeBrowser.reset();
  installThreadLayout();
  installI18n();
  sent = [];
  background = fakeBackgroundPort();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { name: string; payload: unknown }) => {
    sent.push(envelope);
    if (envelope.name === 'panel→bg:send-reply') return { ok: true, value: { messageIds: ['key-1'] } };
    if (envelope.name === 'panel→bg:retry-message') return { ok: true, value: { messageId: 'key-2' } };
    if (envelope.name === 'panel→bg:send-options') return { ok: true, value: { destinations: [], callerIds: [] } };
    return { ok: true, value: {} };
  }) as never);
  await Promise.all(db().tables.map((table) => table.clear()));
  await upsertConversation(db(), conversation());
  await upsertMessage(db(), message({ id: 'm2', body: '<img src=x onerror=alert(1)>', createdAt: Date.parse('2026-11-20T10:05:00Z') }));
  await upsertMessage(db(), message({ id: 'm1', body: 'Where is my parcel?', createdAt: Date.parse('2026-11-20T10:00:00Z') }));
  await upsertMessage(db(), message({ id: 'm3', direction: 'outbound', body: 'Checking now', status: 'delivered', createdAt: Date.parse('2026-11-20T10:06:00Z') }));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const sendReplies = () => sent.filter((m) => m.name === 'panel→bg:send-reply');

async function openThread() {
  render(<PanelApp route={{ number: null, conversation: 'c1', docked: false }} />);
  const log = await screen.findByRole('log', { name: 'Messages' });
  await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(3));
  return log;
}

describe('panel', () => {
  it('lists conversations with title, preview and time', async () => {
    render(<PanelApp route={{ number: null, conversation: null, docked: false }} />);
    const list = await screen.findByRole('list', { name: 'Conversations' });
    const item = await within(list).findByRole('button', { name: /Maria Lopez/ });
    expect(item.textContent).toContain('Where is my parcel?');
    expect(item.querySelector('time')).not.toBeNull();
  });

  it('renders the thread oldest to newest, bodies as text, status on outbound', async () => {
    const log = await openThread();
    const items = within(log).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.bubble__body')?.textContent)).toEqual(['Where is my parcel?', '<img src=x onerror=alert(1)>', 'Checking now']);
    expect(log.querySelector('img')).toBeNull();
    expect(items[2]!.textContent).toContain('Delivered');
    expect(items[0]!.textContent).not.toContain('Received');
  });

  it('sends on Enter through the background and clears the composer', async () => {
    await openThread();
    const box = screen.getByLabelText('Message') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'On its way' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(sendReplies()).toEqual([{ name: 'panel→bg:send-reply', payload: { conversationId: 'c1', body: 'On its way' } }]));
    await waitFor(() => expect(box.value).toBe(''));
  });

  it('does not send on Shift+Enter', async () => {
    await openThread();
    const box = screen.getByLabelText('Message');
    fireEvent.input(box, { target: { value: 'line one' } });
    const notCancelled = fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(notCancelled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sendReplies()).toEqual([]);
  });

  it('does not send empty or blank text', async () => {
    await openThread();
    const box = screen.getByLabelText('Message');
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.input(box, { target: { value: '   \n ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sendReplies()).toEqual([]);
  });

  it('opens a number from the URL through the background', async () => {
    render(<PanelApp route={{ number: '+15035550142', conversation: null, docked: true }} />);
    await waitFor(() => expect(sent).toContainEqual({ name: 'panel→bg:open-number', payload: { number: '+15035550142' } }));
  });
});

describe('panel: failed replies, unread, presence', () => {
  it('shows why a reply failed and lets the agent retry or delete it', async () => {
    await sessionItem.setValue({ serverUrl: 'http://127.0.0.1:8787', refreshToken: 'r', agent: { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' } });
    await upsertMessage(db(), message({ id: 'key-f1', direction: 'outbound', senderAgentId: 'a1', body: 'Refund sent', status: 'failed', failureReason: 'Carrier rejected the number', createdAt: Date.parse('2026-11-20T10:07:00Z') }));
    render(<PanelApp route={{ number: null, conversation: 'c1', docked: false }} />);
    const log = await screen.findByRole('log', { name: 'Messages' });
    const failed = await within(log).findByText('Refund sent');
    const bubble = failed.closest('li')!;
    expect(bubble.textContent).toContain('Not delivered');
    expect(bubble.textContent).toContain('Carrier rejected the number');
    // Only the failed reply offers the actions.
    expect(within(log).getAllByRole('button', { name: 'Retry' })).toHaveLength(1);

    fireEvent.click(within(bubble).getByRole('button', { name: 'Retry' }));
    fireEvent.click(within(bubble).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(sent.filter((m) => m.name.startsWith('panel→bg:retry') || m.name.startsWith('panel→bg:delete'))).toEqual([
        { name: 'panel→bg:retry-message', payload: { messageId: 'key-f1' } },
        { name: 'panel→bg:delete-message', payload: { messageId: 'key-f1' } },
      ]),
    );
  });

  it('shows unread counts in the list and the tab title, and marks the conversation read when it is opened', async () => {
    await db().conversations.update('c1', { unread: 2 });
    render(<PanelApp route={{ number: null, conversation: null, docked: false }} />);
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await within(list).findByLabelText('2 unread');
    await waitFor(() => expect(document.title).toBe('(2) Parley'));
    expect(sent.some((m) => m.name === 'panel→bg:mark-read')).toBe(false);

    fireEvent.click(within(list).getByRole('button', { name: /Maria Lopez/ }));
    await waitFor(() => expect(sent).toContainEqual({ name: 'panel→bg:mark-read', payload: { conversationId: 'c1' } }));
    // The background clears it; every open panel's title follows.
    await db().conversations.update('c1', { unread: 0 });
    await waitFor(() => expect(document.title).toBe('Parley'));
  });

  it('tells the background what it shows, and shows what the background asks for', async () => {
    await upsertConversation(db(), conversation({ id: 'c2', title: 'Dan Osei', customerNumber: '+15035550177' }));
    render(<PanelApp route={{ number: null, conversation: null, docked: false }} />);
    await screen.findByRole('list', { name: 'Conversations' });
    background.show('c2');
    await screen.findByRole('heading', { name: /Dan Osei/ });
    await waitFor(() => expect(background.reports.at(-1)).toEqual({ op: 'view', conversationId: 'c2', visible: true }));
  });
});
