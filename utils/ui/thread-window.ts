import { signal } from '@preact/signals';
import type { StoredMessage } from '../db/database';
import { live } from './live';

/** Rows per live page: a screenful or two of messages. */
export const THREAD_PAGE = 50;

/**
 * The part of one conversation's timeline the thread has on screen, as live pages of
 * THREAD_PAGE rows counted back from the newest (utils/db/timeline-window.ts). Only the pages
 * covering the visible range are watched; scrolled-away pages are dropped, so a 50,000-message
 * history never sits in memory. The newest page is always watched: it is what opens first and
 * where new messages land. Positions are indexes from the oldest (0) to the newest (length - 1).
 */
export function createThreadWindow(conversationId: string, watch: typeof live = live) {
  const pages = new Map<number, { rows: StoredMessage[] | null; stop: () => void }>();
  const counted = signal<number | null>(null);
  /** Bumped whenever a page's rows change, so views re-read rowAt(). */
  const revision = signal(0);

  const open = (page: number) => {
    if (pages.has(page)) return;
    const entry: { rows: StoredMessage[] | null; stop: () => void } = { rows: null, stop: () => undefined };
    pages.set(page, entry);
    entry.stop = watch('timelineSlice', [conversationId, page * THREAD_PAGE, THREAD_PAGE], (rows) => {
      entry.rows = rows;
      revision.value++;
    });
  };
  open(0);
  const stopCount = watch('timelineLength', [conversationId], (count) => (counted.value = count));

  /**
   * The timeline's length, null until the newest page is read: a short newest page is the whole
   * timeline, else the count says. Counting a long history walks its whole index (a third of a
   * second for 50,000 rows), so until the count arrives the newest page stands for the timeline and
   * the thread shows it at once; the older pages join above it, the view anchored to its end.
   */
  const length = (): number | null => {
    void revision.value;
    const newest = pages.get(0)?.rows;
    if (!newest) return null;
    if (newest.length < THREAD_PAGE) return newest.length;
    return counted.value ?? newest.length;
  };

  const locate = (index: number) => {
    const fromEnd = (length() ?? 0) - 1 - index;
    return { page: Math.floor(fromEnd / THREAD_PAGE), fromEnd };
  };

  return {
    length,
    revision,
    rowAt(index: number): StoredMessage | undefined {
      const { page, fromEnd } = locate(index);
      const rows = pages.get(page)?.rows;
      if (!rows) return undefined;
      return rows[rows.length - 1 - (fromEnd - page * THREAD_PAGE)];
    },
    /** Watches exactly the pages covering positions first..last (and the newest). */
    show(first: number, last: number): void {
      if (!length()) return;
      const wanted = new Set([0]);
      for (let page = locate(last).page; page <= locate(first).page; page++) wanted.add(page);
      for (const page of wanted) open(page);
      for (const [page, entry] of pages) {
        if (wanted.has(page)) continue;
        entry.stop();
        pages.delete(page);
      }
    },
    dispose(): void {
      stopCount();
      for (const entry of pages.values()) entry.stop();
      pages.clear();
    },
  };
}
export type ThreadWindow = ReturnType<typeof createThreadWindow>;
