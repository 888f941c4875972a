import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { StoredMessage } from '../utils/db/database';
import { t } from '../utils/i18n';
import type { ThreadWindow } from '../utils/ui/thread-window';
import type { ThreadMessage } from '../utils/ui/view-data';
import { MessageItem, type FailedMessageActions } from './MessageItem';
import { useVirtualizer } from './useVirtualizer';

type Props = {
  window: ThreadWindow;
  toView: (row: StoredMessage) => ThreadMessage;
  now: ReadonlySignal<number>;
  /** A message to bring into view (a search hit), by id; it must be on a loaded page. */
  focusMessageId?: string | null;
} & FailedMessageActions;

/** Typical height of a one-line message, until the real one is measured. */
const ESTIMATED_ROW = 64;

/**
 * The timeline, newest at the bottom, virtualized: only the rows on screen (and a few around) are
 * in the DOM, and only their pages are read from the database, so 50,000 messages scroll like 50.
 * It stays pinned to the newest message while the agent is at the bottom, and keeps its place
 * when older rows are measured or newer ones arrive while the agent reads further up.
 */
export function Thread({ window, toView, now, focusMessageId, onRetry, onDelete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = window.length();
  void window.revision.value;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    getItemKey: (index) => window.rowAt(index)?.id ?? `position-${index}`,
    overscan: 6,
    // A thread opens at its newest message: start measuring from the bottom, not from row 0.
    initialOffset: () => count * ESTIMATED_ROW,
    anchorTo: 'end',
    followOnAppend: true,
    paddingStart: 12,
    paddingEnd: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // Opening a thread shows its newest message; until it is there, no older page is worth reading.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || count === 0) return;
    opened.current = true;
    virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count]);
  // Pages follow the range a frame later: in the render where the length changes (the count
  // arrives, a message lands) the range is still measured from the old scroll offset.
  useEffect(() => {
    if (!opened.current) return;
    const frame = requestAnimationFrame(() => {
      const visible = virtualizer.getVirtualItems();
      if (visible.length > 0) window.show(visible[0]!.index, visible.at(-1)!.index);
    });
    return () => cancelAnimationFrame(frame);
  }, [window, first, last, count]);

  useEffect(() => {
    if (!focusMessageId) return;
    for (let index = first; index <= last; index++) if (window.rowAt(index)?.id === focusMessageId) return;
    for (let index = count - 1; index >= 0; index--) {
      if (window.rowAt(index)?.id === focusMessageId) return virtualizer.scrollToIndex(index, { align: 'center' });
    }
  }, [focusMessageId, count]);

  return (
    <>
      <div class="thread" ref={scroller} role="log" aria-label={t('messages')} tabIndex={0}>
        <ol class="thread__list" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = window.rowAt(item.index);
            const itemProps = {
              'data-index': item.index,
              ref: virtualizer.measureElement,
              style: { transform: `translateY(${item.start}px)` },
              'aria-setsize': count,
              'aria-posinset': item.index + 1,
            };
            if (!row) return <li key={item.key} {...itemProps} class="thread__placeholder" aria-hidden="true" />;
            if (row.hidden) return <li key={item.key} {...itemProps} class="thread__hidden" aria-hidden="true" />;
            return <MessageItem key={item.key} message={toView(row)} now={now.value} itemProps={itemProps} onRetry={onRetry} onDelete={onDelete} />;
          })}
        </ol>
      </div>
      {count === 0 && window.loaded() && <p class="empty">{t('noMessages')}</p>}
    </>
  );
}
