import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../utils/i18n';
import type { QueuePresenceItem as QueuePresenceRow } from '../utils/ui/queue-presence-model';


type Props = {
  queues: QueuePresenceRow[];
  onLoggedIn: (groupId: string, loggedIn: boolean) => Promise<boolean>;
  onPause: (groupId: string, reason: string) => Promise<boolean>;
  onResume: (groupId: string) => Promise<boolean>;
};

function QueueRow({ queue, onLoggedIn, onPause, onResume }: { queue: QueuePresenceRow } & Omit<Props, 'queues'>) {
  const reason = useSignal('');
  const asking = useSignal(false);
  const inputId = `pause-reason-${queue.id}`;
  const reasonField = useRef<HTMLInputElement>(null);
  // The field appears because the agent asked to pause: take them straight to it.
  useEffect(() => {
    if (asking.value) reasonField.current?.focus();
  }, [asking.value]);
  return (
    <li class="presence__queue">
      <label class="presence__toggle">
        <input
          type="checkbox"
          role="switch"
          checked={queue.loggedIn}
          aria-label={t('presenceLoggedIn', queue.name)}
          onChange={(event) => void onLoggedIn(queue.id, event.currentTarget.checked)}
        />
        <span class="presence__name">{queue.name}</span>
        <span class="presence__waiting">{t('presenceWaiting', String(queue.waitingCount))}</span>
      </label>
      {queue.loggedIn && queue.paused && (
        <p class="presence__paused">
          <span>{queue.pauseReason ? t('presencePausedBecause', queue.pauseReason) : t('presencePaused')}</span>
          <button type="button" class="button button--small" onClick={() => void onResume(queue.id)}>
            {t('resume')}
          </button>
        </p>
      )}
      {queue.loggedIn && !queue.paused && !asking.value && (
        <button type="button" class="button button--small" aria-label={t('pauseQueue', queue.name)} onClick={() => (asking.value = true)}>
          {t('pause')}
        </button>
      )}
      {queue.loggedIn && !queue.paused && asking.value && (
        <form
          class="presence__pause"
          onSubmit={async (event) => {
            event.preventDefault();
            const text = reason.value.trim();
            if (!text) return;
            if (await onPause(queue.id, text)) {
              asking.value = false;
              reason.value = '';
            }
          }}
        >
          <label class="visually-hidden" for={inputId}>
            {t('pauseReason')}
          </label>
          <input
            id={inputId}
            type="text"
            required
            maxLength={200}
            placeholder={t('pauseReasonPlaceholder')}
            ref={reasonField}
            value={reason.value}
            onInput={(event) => (reason.value = event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') asking.value = false;
            }}
          />
          <button type="submit" class="button button--small button--primary" disabled={!reason.value.trim()}>
            {t('pause')}
          </button>
        </form>
      )}
    </li>
  );
}

/**
 * Seed 002's SMS queue login: each queue on its own, independent of voice; pausing asks for a
 * reason and keeps the agent logged in.
 */
export function QueuePresence({ queues, ...actions }: Props) {
  if (queues.length === 0) return null;
  return (
    <section class="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" class="presence__heading">
        {t('queueSection')}
      </h2>
      <ul class="presence__list" role="list">
        {queues.map((queue) => (
          <QueueRow key={queue.id} queue={queue} {...actions} />
        ))}
      </ul>
    </section>
  );
}
