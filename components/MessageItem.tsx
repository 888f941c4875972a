import type { StoredMessage } from '../utils/db/database';
import { t } from '../utils/i18n';
import { age, exactTime } from '../utils/ui/age';

type Props = { message: StoredMessage; now: number };

/** One message. The body is customer-controlled text: rendered as a JSX text node, never as HTML. */
export function MessageItem({ message, now }: Props) {
  const outbound = message.direction === 'outbound';
  return (
    <li class={`bubble bubble--${message.direction} bubble--${message.status}`}>
      <p class="bubble__body">{message.body}</p>
      <p class="bubble__meta">
        <time dateTime={new Date(message.createdAt).toISOString()} title={exactTime(message.createdAt)}>
          {age(message.createdAt, now)}
        </time>
        {outbound && <span class="bubble__status">{t(`status_${message.status}`)}</span>}
        {message.status === 'failed' && message.failureReason && <span class="bubble__reason">{message.failureReason}</span>}
      </p>
    </li>
  );
}
