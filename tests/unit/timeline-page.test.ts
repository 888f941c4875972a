import { effect } from '@preact/signals';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upsertConversation } from '../../utils/db/conversations';
import { db, type StoredMessage } from '../../utils/db/database';
import { rowKeyOf, timelinePage, type PageRead } from '../../utils/db/timeline-window';
import { live } from '../../utils/ui/live';
import { createThreadWindow, THREAD_PAGE } from '../../utils/ui/thread-window';
import { conversation, message } from '../setup/fixtures';

const thread = 'number:+15035550142';
const id = (i: number) => `m${String(i).padStart(4, '0')}`;

/**
 * `count` messages of one number over two conversations (so the thread reads the number's index),
 * three to a millisecond: page edges fall inside runs of rows with the same time.
 */
async function seedThread(count: number): Promise<string[]> {
  await upsertConversation(db(), conversation({ id: 'old', lastMessageAt: 1 }));
  await upsertConversation(db(), conversation({ id: 'new', lastMessageAt: 2 }));
  const rows: StoredMessage[] = Array.from({ length: count }, (_, i) => ({
    ...message({ id: id(i), conversationId: i < count / 2 ? 'old' : 'new', body: `text ${i}`, createdAt: 1_000 + Math.floor(i / 3) }),
    thread,
  }));
  await db().messages.bulkPut(rows);
  return rows.map((row) => row.id);
}

const idsOf = (rows: StoredMessage[]) => rows.map((row) => row.id);

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db().tables.map((table) => table.clear()));
});

describe('reading a thread a page at a time by key range', () => {
  it('walks back from the newest page below each page’s oldest row: every row once, in order, ties split by id', async () => {
    const all = await seedThread(41);
    const pages: string[][] = [];
    let read: PageRead = { fromEnd: 0 };
    for (;;) {
      const rows = await timelinePage(db(), thread, read, 5);
      if (rows.length === 0) break;
      pages.unshift(idsOf(rows));
      read = { below: rowKeyOf(rows[0]!) };
    }
    expect(pages.flat()).toEqual(all);
    expect(pages.map((page) => page.length)).toEqual([1, ...Array(8).fill(5)]);
  });

  it('walks forward from the oldest page above each page’s newest row', async () => {
    const all = await seedThread(41);
    const seen: string[] = [];
    let read: PageRead = { fromStart: 0 };
    for (;;) {
      const rows = await timelinePage(db(), thread, read, 5);
      if (rows.length === 0) break;
      seen.push(...idsOf(rows));
      read = { above: rowKeyOf(rows.at(-1)!) };
    }
    expect(seen).toEqual(all);
  });

  it('finds a page by position from either end', async () => {
    const all = await seedThread(41);
    expect(idsOf(await timelinePage(db(), thread, { fromEnd: 10 }, 5))).toEqual(all.slice(26, 31));
    expect(idsOf(await timelinePage(db(), thread, { fromStart: 10 }, 5))).toEqual(all.slice(10, 15));
  });
});

describe('the thread window over a long history', () => {
  /** The window, with every page read it asks for. */
  function openWindow() {
    const reads: PageRead[] = [];
    const window = createThreadWindow(thread, (name, args, onValue) => {
      if (name === 'timelinePage') reads.push(args[1] as PageRead);
      return live(name, args, onValue);
    });
    return { window, reads };
  }
  const shown = (window: ReturnType<typeof createThreadWindow>, first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, i) => window.rowAt(first + i)?.id);

  it('scrolling page by page reads each older page as a key range below the one before, never by skipping rows', async () => {
    const all = await seedThread(6 * THREAD_PAGE + 7);
    const { window, reads } = openWindow();
    await vi.waitFor(() => expect(window.length()).toBe(all.length));
    // Scroll from the newest to the oldest a page at a time, as the thread asks while scrolling.
    for (let last = all.length - 1; last >= 0; last -= THREAD_PAGE) {
      const first = Math.max(0, last - THREAD_PAGE + 1);
      window.show(first, last);
      await vi.waitFor(() => expect(shown(window, first, last)).toEqual(all.slice(first, last + 1)));
    }
    expect(reads[0]).toEqual({ fromEnd: 0 });
    expect(reads.slice(1).every((read) => 'below' in read)).toBe(true);
    window.dispose();
  });

  it('a jump to the oldest rows reads them from the oldest end; a new message moves every page, which follow', async () => {
    const all = await seedThread(6 * THREAD_PAGE + 7);
    const { window, reads } = openWindow();
    await vi.waitFor(() => expect(window.length()).toBe(all.length));
    window.show(0, 2 * THREAD_PAGE - 1);
    await vi.waitFor(() => expect(shown(window, 0, 2 * THREAD_PAGE - 1)).toEqual(all.slice(0, 2 * THREAD_PAGE)));
    expect(reads.some((read) => 'fromEnd' in read && read.fromEnd > 0)).toBe(false);

    // Back near the newest: pages below the newest one; then a new message arrives.
    window.show(all.length - 2 * THREAD_PAGE, all.length - 1);
    await vi.waitFor(() => expect(shown(window, all.length - 2 * THREAD_PAGE, all.length - 1)).toEqual(all.slice(-2 * THREAD_PAGE)));
    await db().messages.put({ ...message({ id: 'z-newest', conversationId: 'new', createdAt: 9_999 }), thread });
    const now = [...all, 'z-newest'];
    await vi.waitFor(() => {
      expect(window.length()).toBe(now.length);
      expect(shown(window, now.length - 2 * THREAD_PAGE, now.length - 1)).toEqual(now.slice(-2 * THREAD_PAGE));
    });
    window.dispose();
  });

  it('opened inside an effect (as the panel does), reading its pages does not re-run that effect', async () => {
    const all = await seedThread(7);
    let opened = 0;
    let window: ReturnType<typeof createThreadWindow> | undefined;
    const stop = effect(() => {
      opened++;
      window = createThreadWindow(thread);
      return () => window!.dispose();
    });
    await vi.waitFor(() => expect(shown(window!, 0, 6)).toEqual(all));
    expect(opened).toBe(1);
    stop();
  });
});
