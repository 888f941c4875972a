import type { ReadonlySignal } from '@preact/signals';
import { memo } from './memo';
import { measureElement as measureNow, type Virtualizer } from '@tanstack/virtual-core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoredMessage } from '../utils/db/database';
import { t } from '../utils/i18n';
import { afterNextPaint } from '../utils/ui/after-paint';
import { THREAD_PAGE, type ThreadWindow } from '../utils/ui/thread-window';
import type { ThreadMessage } from '../utils/ui/view-data';
import { MessageItem, type FailedMessageActions } from './MessageItem';
import { useBottomAnchoredResize } from './useBottomAnchoredResize';
import { useVirtualizer } from './useVirtualizer';

type Props = {
  window: ThreadWindow;
  toView: (row: StoredMessage) => ThreadMessage;
  now: ReadonlySignal<number>;
  /** A message to bring into view (a search hit), by id; it must be on a loaded page. */
  focusMessageId?: string | null;
} & FailedMessageActions;

/** The fastest the thread changes which pages it reads while scrolling. */
const SHOW_EVERY = 120;

/** Space above the oldest and below the newest message. */
const EDGE_PADDING = 12;

/** Typical height of a message, until its page is measured. */
const ESTIMATED_ROW = 56;

/**
 * The least height of a row on screen (entrypoints/panel/style.css, in CSS pixels, which zoom
 * scales with the thread): a one-line bubble with its time line, a one-line system pill.
 */
const LEAST_BUBBLE_ROW = 54;
const LEAST_PILL_ROW = 31;

/**
 * The oldest position rendered in the thread's first frame: newest rows, until their least
 * heights fill the thread's height. The rest of the page (up in the scrollback) follows right
 * after that frame is painted, so opening a thread does not wait for rendering and laying out
 * rows no one sees yet.
 */
function firstFramePosition(window: ThreadWindow, count: number, height: number): number {
  let position = count - 1;
  for (let covered = 0; position > 0; position--) {
    const row = window.rowAt(position);
    covered += !row || row.hidden ? 0 : row.kind === 'system' ? LEAST_PILL_ROW : LEAST_BUBBLE_ROW;
    if (covered >= height) break;
  }
  return position;
}

/**
 * The size of the last thread on screen. A thread opens in the same place as the one before, so
 * its virtualizer starts from that size and renders the newest rows in its first pass, rather
 * than rendering nothing until it has measured its scroll element (a forced layout and a second
 * render after the newest page arrives). Before any thread was shown, the window's size: too
 * large at worst, which only renders a page more of placeholders.
 */
let lastThreadRect: { width: number; height: number } | null = null;

/**
 * The timeline, newest at the bottom, virtualized by page: the virtual items are pages of
 * THREAD_PAGE messages (the same pages the window reads), so the virtualizer tracks 1,000 items
 * for 50,000 messages, and only the pages on screen (and one around) are in the DOM and read from
 * the database. It stays pinned to the newest message while the agent is at the bottom, and keeps
 * its place when older pages are measured or new messages arrive further down. Memoized, with
 * memoized messages: the panel re-renders every second for its clocks, the thread only when its
 * rows change, and then only the messages that did.
 */
export const Thread = memo(function Thread(props: Props) {
  const count = props.window.length();
  return (
    <>
      <div class="thread" role="log" aria-label={t('messages')} aria-busy={count === null} tabIndex={0}>
        {count !== null && count > 0 && <VirtualPages {...props} count={count} />}
      </div>
      {count === 0 && <p class="empty">{t('noMessages')}</p>}
    </>
  );
});

/** Positions (0 = oldest) of page `page` counted from the newest, as the window reads it. */
function pagePositions(count: number, page: number): { start: number; end: number } {
  const end = count - 1 - page * THREAD_PAGE;
  return { start: Math.max(0, end - THREAD_PAGE + 1), end };
}

/** False until the thread's first frame has been painted. */
function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}

function VirtualPages({ window, toView, now, focusMessageId, onRetry, onDelete, count }: Props & { count: number }) {
  const list = useRef<HTMLDivElement>(null);
  const painted = usePaintedOnce();
  void window.revision.value;
  // One view per stored row (a page read again brings new rows): unchanged messages keep theirs,
  // so they are not rendered again.
  const views = useMemo(() => new WeakMap<StoredMessage, ThreadMessage>(), [toView]);
  const viewOf = (row: StoredMessage) => {
    let view = views.get(row);
    if (!view) views.set(row, (view = toView(row)));
    return view;
  };
  const pages = Math.ceil(count / THREAD_PAGE);
  // Item b (0 = oldest) is page pages-1-b; keyed by that page, which new messages do not renumber.
  const getItemKey = useCallback((item: number) => pages - 1 - item, [pages]);
  const estimateSize = useCallback((item: number) => {
    const { start, end } = pagePositions(count, pages - 1 - item);
    return (end - start + 1) * ESTIMATED_ROW;
  }, [count, pages]);
  const virtualizer = useVirtualizer({
    count: pages,
    getScrollElement: () => list.current?.parentElement ?? null,
    estimateSize,
    getItemKey,
    overscan: 1,
    // A thread opens at its newest message: lay out from the bottom, not from the oldest page.
    initialOffset: count * ESTIMATED_ROW,
    anchorTo: 'end',
    followOnAppend: true,
    initialRect: lastThreadRect ?? { width: innerWidth, height: innerHeight },
    paddingStart: EDGE_PADDING,
    paddingEnd: EDGE_PADDING,
    // Scrolled to the newest page, the thread stops with the end padding still below it: that is
    // the end, so rows of the newest page growing as they settle (receipts, states) are followed.
    scrollEndThreshold: EDGE_PADDING + 1,
    // Until the first frame is painted, a page is not measured as it mounts: reading its height
    // then forces a layout of the whole panel before the newest rows reach the screen. Its
    // ResizeObserver measures it in that very frame, after the browser's own layout, before paint.
    measureElement: (element: HTMLElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, HTMLElement>) =>
      entry || painted ? measureNow(element, entry, instance) : (instance.itemSizeCache.get(getItemKey(instance.indexFromElement(element))) ?? estimateSize(instance.indexFromElement(element))),
  });
  useBottomAnchoredResize(() => list.current?.parentElement, EDGE_PADDING + 1);
  useLayoutEffect(() => {
    if (virtualizer.scrollRect) lastThreadRect = virtualizer.scrollRect;
  });
  const items = virtualizer.getVirtualItems();
  const firstFrameStart = painted ? 0 : firstFramePosition(window, count, virtualizer.scrollRect?.height ?? innerHeight);
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => virtualizer.scrollToIndex(pages - 1, { align: 'end' }), []);
  // Which pages to read follows the range at most every SHOW_EVERY ms, from the range current
  // then: a fling crosses hundreds of pages in a second, and each read of a page scrolled past
  // would still occupy IndexedDB after the thread has moved on.
  const lastShown = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      lastShown.current = performance.now();
      const visible = virtualizer.getVirtualItems();
      if (visible.length === 0) return;
      window.show(pagePositions(count, pages - 1 - visible[0]!.index).start, pagePositions(count, pages - 1 - visible.at(-1)!.index).end);
    }, Math.max(0, SHOW_EVERY - (performance.now() - lastShown.current)));
  }, [window, first, last, count]);
  useEffect(() => () => clearTimeout(pending.current), []);

  // A search hit: bring its page into view, then the message itself.
  useEffect(() => {
    if (!focusMessageId) return;
    for (let position = count - 1; position >= Math.max(0, count - 500); position--) {
      if (window.rowAt(position)?.id !== focusMessageId) continue;
      virtualizer.scrollToIndex(pages - 1 - Math.floor((count - 1 - position) / THREAD_PAGE), { align: 'center' });
      requestAnimationFrame(() => list.current?.querySelector(`[aria-posinset="${position + 1}"]`)?.scrollIntoView({ block: 'center' }));
      return;
    }
  }, [focusMessageId, count]);

  return (
    <div class="thread__list" ref={list} style={{ height: `${virtualizer.getTotalSize()}px` }}>
      {items.map((item) => {
        const { start, end } = pagePositions(count, pages - 1 - item.index);
        // Until the first frame is painted, rows above the screenful are placeholders of the estimated height.
        const firstShown = Math.max(start, firstFrameStart);
        const rows = [];
        for (let position = start; position <= end; position++) {
          const row = position < firstShown ? undefined : window.rowAt(position);
          if (!row) rows.push(<li key={position} aria-setsize={count} aria-posinset={position + 1} class="thread__placeholder" aria-hidden="true" />);
          else if (row.hidden) rows.push(<li key={row.id} aria-setsize={count} aria-posinset={position + 1} class="thread__hidden" aria-hidden="true" />);
          else rows.push(<MessageItem key={row.id} message={viewOf(row)} now={now} position={position + 1} size={count} onRetry={onRetry} onDelete={onDelete} />);
        }
        return (
          <ol key={item.key} data-index={item.index} ref={virtualizer.measureElement} class="thread__page" style={{ transform: `translateY(${item.start}px)` }}>
            {rows}
          </ol>
        );
      })}
    </div>
  );
}
