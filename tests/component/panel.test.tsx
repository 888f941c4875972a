import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelApp } from '../../components/PanelApp';
import { upsertConversation } from '../../utils/db/conversations';
import { db } from '../../utils/db/database';
import { upsertMessage } from '../../utils/db/messages';
import { conversation, message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

/** Every panel→bg message, answered like the background would. */
let sent: Array<{ name: string; payload: unknown }>;

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { name: string; payload: unknown }) => {
    sent.push(envelope);
    if (envelope.name === 'panel→bg:send-reply') return { ok: true, value: { messageId: 'key-1' } };
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
    expect(items.map((li) => li.querySelector('.bubble__body')!.textContent)).toEqual(['Where is my parcel?', '<img src=x onerror=alert(1)>', 'Checking now']);
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
