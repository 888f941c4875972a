import { useComputed, type ReadonlySignal } from '@preact/signals';
import { memo } from './memo';
import { t } from '../utils/i18n';
import { age, exactTime } from '../utils/ui/age';
import type { ThreadMessage } from '../utils/ui/view-data';

export type FailedMessageActions = { onRetry: (id: string) => void; onDelete: (id: string) => void };
type Props = {
  message: ThreadMessage;
  /** The clock ages count against; it ticks every second, and only an age whose text changes re-renders. */
  now: ReadonlySignal<number>;
  /** Its place in the virtualized thread (aria-posinset, aria-setsize). */
  position?: number;
  size?: number;
} & FailedMessageActions;

const MINUTE = 60_000;

/**
 * "3 min ago", kept current. Ages read in whole minutes at the finest ("now", "5 min", "3 h"), so
 * the text is worked out again only when another minute has passed, not on every tick, and it is
 * written straight into its text node (a signal child) without re-rendering the message.
 */
function Age({ at, now }: { at: number; now: ReadonlySignal<number> }) {
  const minutes = useComputed(() => Math.floor(Math.max(0, now.value - at) / MINUTE));
  const text = useComputed(() => {
    const elapsed = age(at, at + minutes.value * MINUTE);
    return elapsed === t('age_now') ? elapsed : t('age_ago', elapsed);
  });
  return (
    <time dateTime={new Date(at).toISOString()} title={exactTime(at)}>
      {text}
    </time>
  );
}

/**
 * One message. Bodies and names are other people's text: rendered as JSX text nodes, never as
 * HTML. A system line (queue and group lifecycle) is a centred pill; an outbound text shows its
 * delivery state, who has read it, and, when it failed, why, with Retry and Delete. Memoized: a
 * message re-renders only when its view, its place or its handlers change.
 */
export const MessageItem = memo(function MessageItem({ message, now, position, size, onRetry, onDelete }: Props) {
  const itemProps = { 'aria-posinset': position, 'aria-setsize': size };
  if (message.kind === 'system') {
    return (
      <li {...itemProps} class="pill-row">
        <p class="pill">
          <span>{message.body}</span> <Age at={message.createdAt} now={now} />
        </p>
      </li>
    );
  }
  const outbound = message.direction === 'outbound';
  const failed = outbound && message.status === 'failed';
  return (
    <li {...itemProps} class={`bubble-row bubble-row--${outbound ? 'out' : 'in'}`}>
      <div class={`bubble bubble--${message.direction} bubble--${message.status}`}>
        {message.senderName && !message.mine && <p class="bubble__sender">{message.senderName}</p>}
        <p class="bubble__body">{message.body}</p>
        <p class="bubble__meta">
          <Age at={message.createdAt} now={now} />
          {outbound && <span class={`bubble__status status--${message.status}`}>{t(`status_${message.status}`)}</span>}
          {failed && message.failureReason && <span class="bubble__reason">{message.failureReason}</span>}
        </p>
        {failed && (message.canRetry || message.canDelete) && (
          <p class="bubble__actions">
            {message.canRetry && (
              <button type="button" class="link-button" onClick={() => onRetry(message.id)}>
                {t('retry')}
              </button>
            )}
            {message.canDelete && (
              <button type="button" class="link-button" onClick={() => onDelete(message.id)}>
                {t('delete')}
              </button>
            )}
          </p>
        )}
      </div>
      {message.readBy.length > 0 && <p class="bubble__receipt">{t('readBy', message.readBy.join(', '))}</p>}
    </li>
  );
});
