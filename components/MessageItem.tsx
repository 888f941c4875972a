import type { StoredMessage } from '../utils/db/database';
import { t } from '../utils/i18n';
import { age, exactTime } from '../utils/ui/age';

export type FailedMessageActions = { onRetry: (id: string) => void; onDelete: (id: string) => void };
type Props = { message: StoredMessage; now: number } & FailedMessageActions;

/**
 * One message. The body is customer-controlled text: rendered as a JSX text node, never as HTML. A
 * reply that failed shows why, and the agent can send it again or delete it.
 */
export function MessageItem({ message, now, onRetry, onDelete }: Props) {
  const outbound = message.direction === 'outbound';
  const failed = outbound && message.status === 'failed';
  return (
    <li class={`bubble bubble--${message.direction} bubble--${message.status}`}>
      <p class="bubble__body">{message.body}</p>
      <p class="bubble__meta">
        <time dateTime={new Date(message.createdAt).toISOString()} title={exactTime(message.createdAt)}>
          {age(message.createdAt, now)}
        </time>
        {outbound && <span class="bubble__status">{t(`status_${message.status}`)}</span>}
        {failed && message.failureReason && <span class="bubble__reason">{message.failureReason}</span>}
      </p>
      {failed && (
        <p class="bubble__actions">
          <button type="button" class="link-button" onClick={() => onRetry(message.id)}>
            {t('retry')}
          </button>
          <button type="button" class="link-button" onClick={() => onDelete(message.id)}>
            {t('delete')}
          </button>
        </p>
      )}
    </li>
  );
}
