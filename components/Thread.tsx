import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { StoredMessage } from '../utils/db/database';
import { t } from '../utils/i18n';
import { MessageItem, type FailedMessageActions } from './MessageItem';

type Props = { messages: ReadonlySignal<StoredMessage[]>; now: ReadonlySignal<number> } & FailedMessageActions;

/** The timeline, oldest first, kept scrolled to the newest message. */
export function Thread({ messages, now, onRetry, onDelete }: Props) {
  const log = useRef<HTMLDivElement>(null);
  const count = messages.value.length;
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [count]);
  return (
    <>
      <div class="thread" ref={log} role="log" aria-label={t('messages')}>
        <ol class="thread__list">
          {messages.value.map((message) => (
            <MessageItem key={message.id} message={message} now={now.value} onRetry={onRetry} onDelete={onDelete} />
          ))}
        </ol>
      </div>
      {count === 0 && <p class="empty">{t('noMessages')}</p>}
    </>
  );
}
