import { signal } from '@preact/signals';
import type { StoredMessage } from '../db/database';
import { rowKeyOf, type PageRead, type RowKey } from '../db/timeline-window';
import { live } from './live';

/** Rows per live page: a screenful or two of messages. */
export const THREAD_PAGE = 50;

type Page = {
  rows: StoredMessage[] | null;
  stop: () => void;
  /** How its rows are read, or null while it waits for a neighbour to chain from (or its turn to be found by position). */
  read: PageRead | null;
  /** The timeline length when it was read (a read from the oldest end depends on it). */
  length: number;
};

const sameKey = (a: RowKey, b: RowKey) => a.createdAt === b.createdAt && a.id === b.id;
const sameRead = (a: PageRead, b: PageRead) =>
  'below' in a ? 'below' in b && sameKey(a.below, b.below) : 'above' in a ? 'above' in b && sameKey(a.above, b.above) : false;

/** Runs `work` when the browser has nothing more urgent (painting the first page) to do. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 0);
  return () => clearTimeout(handle);
}

/**
 * The part of one thread (a number's history or one conversation's: utils/db/thread-key.ts) the
 * thread view has on screen, as live pages of
 * THREAD_PAGE rows counted back from the newest (utils/db/timeline-window.ts). Only the pages
 * covering the visible range are watched; scrolled-away pages are dropped, so a 50,000-message
 * history never sits in memory. The newest page is always watched: it is what opens first and
 * where new messages land. Positions are indexes from the oldest (0) to the newest (length - 1).
 *
 * A page next to one already read is read as a key range from that page's edge row, so scrolling
 * costs one short index read per page however deep in the history. A page reached by a jump (a
 * scrollbar drag, a fling) has no neighbour: it is found by position from the nearer end of the
 * history, which costs as many rows as it skips, so only one such read runs at a time and it
 * serves the latest range asked for; the pages around it then chain from it. Pages chained to the
 * newest (`below` a newer page) follow it when new messages push every row back; pages fixed from
 * the oldest end are read again when the length changes.
 */
export function createThreadWindow(thread: string, watch: typeof live = live) {
  const pages = new Map<number, Page>();
  const counted = signal<number | null>(null);
  /** Bumped whenever a page's rows change, so views re-read rowAt(). */
  const revision = signal(0);
  /** The one read by position under way, if any (it may belong to a page scrolled away since). */
  let finding: Page | null = null;
  /**
   * The edge rows of every page read at the current length, kept after the page is scrolled away:
   * a page next to one seen before chains from it without reading it again. A new length moves
   * every position, so they are forgotten then.
   */
  const edges = new Map<number, { oldest: RowKey; newest: RowKey }>();
  let edgesLength = 0;

  /** The timeline's length as known now, without subscribing the caller (see length() below). */
  const knownLength = (): number => {
    const newest = pages.get(0)?.rows;
    if (!newest) return 0;
    if (newest.length < THREAD_PAGE) return newest.length;
    return counted.peek() ?? newest.length;
  };

  /**
   * A key-range read for page `page` from a neighbour whose rows are read: `below` the newer
   * page's oldest row or `above` the older page's newest, keeping the direction it already reads
   * in. Never from a neighbour that is itself chained from this page (they would only follow each
   * other).
   */
  const chained = (page: number, current: PageRead | null): PageRead | null => {
    const newer = pages.get(page - 1);
    const older = pages.get(page + 1);
    const seen = (neighbour: number) => (pages.has(neighbour) || edgesLength !== knownLength() ? undefined : edges.get(neighbour));
    const newerEdge = newer?.rows?.length && !(newer.read && 'above' in newer.read) ? rowKeyOf(newer.rows[0]!) : seen(page - 1)?.oldest;
    const olderEdge = older?.rows?.length && !(older.read && 'below' in older.read) ? rowKeyOf(older.rows.at(-1)!) : seen(page + 1)?.newest;
    const fromNewer = newerEdge ? { below: newerEdge } : null;
    const fromOlder = olderEdge ? { above: olderEdge } : null;
    return current && 'above' in current ? (fromOlder ?? fromNewer) : (fromNewer ?? fromOlder);
  };

  /** A read by position for page `page`, skipping rows from the nearer end; and how many rows it skips. */
  const byPosition = (page: number, total: number): { read: PageRead; skipped: number } => {
    const fromEnd = page * THREAD_PAGE;
    const fromStart = Math.max(0, total - fromEnd - THREAD_PAGE);
    return fromEnd <= fromStart ? { read: { fromEnd }, skipped: fromEnd } : { read: { fromStart }, skipped: fromStart };
  };

  /** (Re)starts watching a page; a page read again keeps its rows on screen until the new ones arrive. */
  const watchPage = (page: number, entry: Page, read: PageRead) => {
    const total = knownLength();
    entry.stop();
    entry.read = read;
    entry.length = total;
    const limit = 'fromStart' in read ? Math.max(1, Math.min(THREAD_PAGE, total - page * THREAD_PAGE)) : THREAD_PAGE;
    // The newest page is what the agent waits for on opening: its read starts at once (live.ts).
    const opening = 'fromEnd' in read && read.fromEnd === 0;
    entry.stop = watch('timelinePage', [thread, read, limit], (rows) => {
      if (finding === entry) finding = null;
      if (pages.get(page) !== entry) {
        // A read by position for a page scrolled away meanwhile: done, let the next one start.
        entry.stop();
        reconcile();
        return;
      }
      entry.rows = rows;
      revision.value++;
      if (page === 0) countWhenIdle();
      if (edgesLength !== knownLength()) {
        edges.clear();
        edgesLength = knownLength();
      }
      if (rows.length > 0 && entry.length === edgesLength) edges.set(page, { oldest: rowKeyOf(rows[0]!), newest: rowKeyOf(rows.at(-1)!) });
      reconcile();
    }, { now: opening });
  };

  /**
   * Keeps every page true to its neighbours after any change, newest first: a page `below` a newer
   * page starts at that page's oldest row, a page `above` an older one at its newest row, a page
   * read from the oldest end assumes the current length; a page that no longer holds is read
   * again. Pages waiting for a neighbour chain from it once it is read; if none can, the waiting
   * page nearest an end of the history is found by position, one at a time.
   */
  const reconcile = () => {
    const total = knownLength();
    const newestFirst = [...pages].sort((a, b) => a[0] - b[0]);
    for (const [page, entry] of [...newestFirst, ...[...newestFirst].reverse()]) {
      const { read } = entry;
      if (read && 'fromEnd' in read) continue;
      if (read && 'fromStart' in read) {
        if (entry.length !== total && !finding) watchPage(page, entry, byPosition(page, total).read);
        continue;
      }
      const next = chained(page, read);
      if (next && (!read || !sameRead(next, read))) watchPage(page, entry, next);
      // Its neighbours were scrolled away: it holds until new rows move every position.
      else if (!next && read && entry.length !== total) entry.read = null;
    }
    if (finding) return;
    const waiting = newestFirst.filter(([, entry]) => !entry.read).map(([page]) => ({ page, ...byPosition(page, total) }));
    const nearest = waiting.sort((a, b) => a.skipped - b.skipped)[0];
    if (!nearest) return;
    finding = pages.get(nearest.page)!;
    watchPage(nearest.page, finding, nearest.read);
  };

  // Counting a long history walks its whole index (a third of a second for 50,000 rows): it starts
  // once the newest page is read and the browser is idle, so it never competes with the first
  // paint. Until the count arrives the newest page stands for the timeline; the older pages then
  // join above it, the view anchored to its end.
  let counting = false;
  let stopCounting = (): void => undefined;
  const countWhenIdle = () => {
    if (counting) return;
    counting = true;
    stopCounting = whenIdle(() => {
      stopCounting = watch('timelineLength', [thread], (count) => {
        counted.value = count;
        reconcile();
      });
    });
  };

  pages.set(0, { rows: null, stop: () => undefined, read: null, length: 0 });
  watchPage(0, pages.get(0)!, { fromEnd: 0 });

  const locate = (index: number) => {
    const fromEnd = knownLength() - 1 - index;
    return { page: Math.floor(fromEnd / THREAD_PAGE), fromEnd };
  };

  return {
    /**
     * The timeline's length, null until the newest page is read: a short newest page is the whole
     * timeline, else the count says (the newest page stands for it until the count arrives).
     */
    length(): number | null {
      void revision.value;
      void counted.value;
      return pages.get(0)?.rows ? knownLength() : null;
    },
    revision,
    rowAt(index: number): StoredMessage | undefined {
      const { page, fromEnd } = locate(index);
      const rows = pages.get(page)?.rows;
      if (!rows) return undefined;
      return rows[rows.length - 1 - (fromEnd - page * THREAD_PAGE)];
    },
    /** Watches exactly the pages covering positions first..last (and the newest). */
    show(first: number, last: number): void {
      if (!knownLength()) return;
      const wanted = new Set([0]);
      for (let page = locate(last).page; page <= locate(first).page; page++) wanted.add(page);
      for (const [page, entry] of pages) {
        if (wanted.has(page)) continue;
        // A read by position still under way finishes first (IndexedDB cannot cancel it); the next waits for it.
        if (entry !== finding) entry.stop();
        pages.delete(page);
      }
      for (const page of wanted) if (!pages.has(page)) pages.set(page, { rows: null, stop: () => undefined, read: null, length: 0 });
      reconcile();
    },
    dispose(): void {
      stopCounting();
      finding?.stop();
      for (const entry of pages.values()) entry.stop();
      pages.clear();
    },
  };
}
export type ThreadWindow = ReturnType<typeof createThreadWindow>;
