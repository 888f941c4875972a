import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Thread } from '../../components/Thread';
import type { StoredMessage } from '../../utils/db/database';
import { db } from '../../utils/db/database';
import { createThreadWindow, THREAD_PAGE } from '../../utils/ui/thread-window';
import type { ThreadMessage } from '../../utils/ui/view-data';
import { message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';
import { installThreadLayout } from '../setup/layout';

const NOW = Date.parse('2026-11-20T10:30:00Z');
/** The thread the tests show: conversation c1's own (the fixtures' messages are c1's). */
const C1 = 'conversation:c1';
/** A message as the write paths store it, with its thread key. */
const inThread = (row: StoredMessage): StoredMessage => ({ ...row, thread: C1 });

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  installThreadLayout({ viewport: 400, row: 40 });
  await Promise.all(db().tables.map((table) => table.clear()));
});
afterEach(cleanup);

const view = (row: StoredMessage): ThreadMessage => ({
  id: row.id,
  body: row.body,
  createdAt: row.createdAt,
  kind: row.kind === 'system' ? 'system' : 'text',
  direction: row.direction,
  mine: row.direction === 'outbound',
  senderName: row.direction === 'inbound' && row.kind !== 'system' ? 'Maria Lopez' : null,
  status: row.status,
  failureReason: row.failureReason,
  canRetry: row.status === 'failed',
  canDelete: row.status === 'failed',
  readBy: row.id === 'delivered' ? ['Jake Peralta'] : [],
});

function renderThread(thread = C1, handlers = { onRetry: vi.fn(), onDelete: vi.fn() }) {
  const window = createThreadWindow(thread);
  const now = signal(NOW);
  render(<Thread window={window} toView={view} now={now} {...handlers} />);
  return { window, now, ...handlers };
}

describe('thread', () => {
  it('shows every message state: queued, sent, delivered with a read receipt, failed with reason and Retry, received, system pill', async () => {
    const at = (minute: number) => Date.parse(`2026-11-20T10:${String(minute).padStart(2, '0')}:00Z`);
    await db().messages.bulkPut([
      { ...message({ id: 'system', body: 'Entered SMS Support Queue', createdAt: at(0) }), kind: 'system' },
      message({ id: 'received', body: 'Where is my parcel?', createdAt: at(1) }),
      message({ id: 'delivered', direction: 'outbound', status: 'delivered', body: 'Checking now', createdAt: at(2) }),
      message({ id: 'sent', direction: 'outbound', status: 'sent', body: 'Found it', createdAt: at(3) }),
      message({ id: 'failed', direction: 'outbound', status: 'failed', failureReason: 'Carrier rejected the number', body: 'Tracking: 1Z999', createdAt: at(4) }),
      { ...message({ id: 'queued', direction: 'outbound', status: 'queued', body: 'Anything else?', createdAt: at(5) }), pending: 1 },
    ].map((row) => inThread(row as StoredMessage)));
    const { onRetry, onDelete } = renderThread();
    const log = screen.getByRole('log', { name: 'Messages' });
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(6));
    const items = within(log).getAllByRole('listitem');
    const text = items.map((item) => item.textContent);
    expect(text[0]).toBe('Entered SMS Support Queue 30 min ago');
    expect(items[0]!.querySelector('.pill')).not.toBeNull();
    expect(text[1]).toBe('Maria LopezWhere is my parcel?29 min ago');
    expect(text[2]).toBe('Checking now28 min agoDelivered✓ Read by Jake Peralta');
    expect(text[3]).toBe('Found it27 min agoSent');
    expect(text[4]).toBe('Tracking: 1Z99926 min agoNot deliveredCarrier rejected the numberRetryDelete');
    expect(text[5]).toBe('Anything else?25 min agoSending');
    expect(within(log).getAllByRole('button', { name: 'Retry' })).toHaveLength(1);
    fireEvent.click(within(items[4]!).getByRole('button', { name: 'Retry' }));
    fireEvent.click(within(items[4]!).getByRole('button', { name: 'Delete' }));
    expect(onRetry).toHaveBeenCalledWith('failed');
    expect(onDelete).toHaveBeenCalledWith('failed');
  });

  it('keeps ages current as time passes', async () => {
    await db().messages.put(inThread(message({ id: 'm1', createdAt: NOW - 3 * 60_000 })));
    const { now } = renderThread();
    const time = await screen.findByText('3 min ago');
    now.value = NOW + 60 * 60_000;
    await waitFor(() => expect(time.textContent).toBe('1 h ago'));
  });

  it('renders bodies as text, never as HTML', async () => {
    await db().messages.put(inThread(message({ id: 'm1', body: '<img src=x onerror=alert(1)>' })));
    renderThread();
    const log = screen.getByRole('log', { name: 'Messages' });
    await within(log).findByText('<img src=x onerror=alert(1)>');
    expect(log.querySelector('img')).toBeNull();
  });

  it('on a long history renders only the rows on screen, reads only their pages, newest at the bottom', async () => {
    const total = 5_000;
    await db().messages.bulkPut(
      Array.from({ length: total }, (_, i) => inThread(message({ id: `m${String(i).padStart(5, '0')}`, body: `text ${i}`, createdAt: NOW - (total - i) * 1000 }))),
    );
    const watched: Array<{ name: string; args: unknown[] }> = [];
    const { live } = await import('../../utils/ui/live');
    const window = createThreadWindow(C1, (name, args, onValue) => {
      watched.push({ name, args: [...args] });
      return live(name, args, onValue);
    });
    render(<Thread window={window} toView={view} now={signal(NOW)} onRetry={vi.fn()} onDelete={vi.fn()} />);
    const log = screen.getByRole('log', { name: 'Messages' });
    await within(log).findByText('text 4999');
    // The newest page shows before the history is counted; the count then gives every row its place.
    await waitFor(() => expect(within(log).getAllByRole('listitem').at(-1)!.getAttribute('aria-setsize')).toBe(String(total)));
    // A 400 px viewport of 40 px rows shows ten. The first frame holds the eight whose least real
    // height (54 px) fills it; the rest follow once that frame is painted, which can come after the count.
    await waitFor(() => expect(within(log).getAllByRole('listitem').length).toBeGreaterThanOrEqual(10));
    const items = within(log).getAllByRole('listitem');
    // The DOM holds the pages around the viewport (50 rows each, one page of overscan), never the whole history.
    expect(items.length).toBeLessThanOrEqual(2 * THREAD_PAGE);
    expect(items.at(-1)!.textContent).toContain('text 4999');
    expect(items.at(-1)!.getAttribute('aria-posinset')).toBe(String(total));
    expect(items.at(-1)!.getAttribute('aria-setsize')).toBe(String(total));
    const pageReads = watched.filter((w) => w.name === 'timelinePage');
    expect(pageReads.every((w) => (w.args[2] as number) === THREAD_PAGE)).toBe(true);
    // Only the newest page is read: the viewport shows ten of its fifty rows.
    expect(pageReads.map((w) => w.args[1])).toEqual([{ fromEnd: 0 }]);
  });

  it('renders a screenful of the newest page in its first frame and the rest of the page after it', async () => {
    const total = 100;
    // The newest rows: four system pills (31 px at the least) under a history of texts (54 px).
    const system = (i: number) => (i >= total - 4 ? { kind: 'system' as const } : {});
    await db().messages.bulkPut(
      Array.from({ length: total }, (_, i) =>
        inThread(message({ id: `m${String(i).padStart(5, '0')}`, body: `text ${i}`, createdAt: NOW - (total - i) * 1000, ...system(i) })),
      ),
    );
    // How many messages the DOM held when the newest first appeared (a mutation callback runs before any frame).
    const firstFrame = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        const rows = document.querySelectorAll('.thread .bubble__body, .thread .pill');
        if (!document.querySelector('.thread .pill')) return;
        observer.disconnect();
        resolve(rows.length);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    renderThread();
    const log = screen.getByRole('log', { name: 'Messages' });
    // The 400 px thread is filled by the least heights of 4 pills (124 px) and 6 texts (324 px).
    expect(await firstFrame).toBe(10);
    // The rows above follow, every position keeping its place.
    const newestPage = () => [...log.querySelectorAll('.thread__page')].find((page) => page.querySelector('[aria-posinset="100"]'))!;
    await waitFor(() => expect(newestPage().querySelectorAll('.bubble__body')).toHaveLength(THREAD_PAGE - 4));
    expect([...newestPage().querySelectorAll('.bubble__body')].map((node) => node.textContent)).toEqual(Array.from({ length: THREAD_PAGE - 4 }, (_, i) => `text ${50 + i}`));
  });

  it('scrolling to the top reads the oldest page and lets go of the pages scrolled past', async () => {
    const total = 1_000;
    await db().messages.bulkPut(
      Array.from({ length: total }, (_, i) => inThread(message({ id: `m${String(i).padStart(5, '0')}`, body: `text ${i}`, createdAt: NOW - (total - i) * 1000 }))),
    );
    // The rows each page being watched delivered last, and every read asked for.
    const active = new Map<object, string[]>();
    const reads: unknown[] = [];
    const { live } = await import('../../utils/ui/live');
    const window = createThreadWindow(C1, (name, args, onValue) => {
      if (name !== 'timelinePage') return live(name, args, onValue);
      reads.push(args[1]);
      const watcher = {};
      active.set(watcher, []);
      const stop = live(name, args, (rows) => {
        if (active.has(watcher)) active.set(watcher, (rows as StoredMessage[]).map((row) => row.id));
        onValue(rows);
      });
      return () => {
        active.delete(watcher);
        stop();
      };
    });
    render(<Thread window={window} toView={view} now={signal(NOW)} onRetry={vi.fn()} onDelete={vi.fn()} />);
    const log = screen.getByRole('log', { name: 'Messages' });
    await within(log).findByText('text 999');
    await waitFor(() => expect(within(log).getAllByRole('listitem').at(-1)!.getAttribute('aria-setsize')).toBe(String(total)));
    log.scrollTop = 0;
    // fake-indexeddb walks the skipped rows one by one: slower than a browser, hence the longer wait.
    await within(log).findByText('text 0', {}, { timeout: 5000 });
    const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${String(from + i).padStart(5, '0')}`);
    // The newest page (where new messages land), the oldest and the one next to it (overscan),
    // none of the pages scrolled past in between.
    await waitFor(() => expect([...active.values()].flat().sort()).toEqual([...ids(0, 100), ...ids(950, 1000)]));
    // The oldest page is found from the oldest end, the one next to it as a key range from it:
    // no read skipped through the history by position.
    expect(reads.filter((read) => 'fromEnd' in (read as object) && (read as { fromEnd: number }).fromEnd > 0)).toEqual([]);
    expect(reads).toContainEqual({ fromStart: 0 });
    expect(reads).toContainEqual({ above: { createdAt: NOW - (total - 49) * 1000, id: 'm00049' } });
    expect(within(log).getAllByRole('listitem')[0]!.getAttribute('aria-posinset')).toBe('1');
  }, 20_000);

  it('shows the empty state once an empty thread has loaded', async () => {
    renderThread('conversation:nothing-here');
    await screen.findByText('No messages yet. Say hello.');
  });
});
