import { useSignal } from '@preact/signals';
import { t } from '../utils/i18n';
import { age, exactTime } from '../utils/ui/age';
import type { WaitingItem } from '../utils/ui/view-data';

type Props = {
  waiting: WaitingItem[];
  now: number;
  onClaim: (conversationId: string) => Promise<boolean>;
  notice: string | null;
  onDismissNotice: () => void;
};

/**
 * Seed 002's queue section at the top of the sidebar: customers waiting in the SMS queues this
 * agent is logged in to, longest waiting first, each with Claim. A conversation someone else
 * claimed drops out, and the notice says who took it.
 */
export function QueueSection({ waiting, now, onClaim, notice, onDismissNotice }: Props) {
  const claiming = useSignal<string | null>(null);
  if (waiting.length === 0 && !notice) return null;
  const claim = async (id: string) => {
    claiming.value = id;
    try {
      await onClaim(id);
    } finally {
      claiming.value = null;
    }
  };
  return (
    <section class="queue" role="region" aria-labelledby="queue-heading">
      <h2 id="queue-heading" class="queue__heading">
        {t('queueSection')} <span class="queue__count">{waiting.length}</span>
      </h2>
      {notice && (
        <p class="queue__notice" role="status">
          {notice}{' '}
          <button type="button" class="link-button" onClick={onDismissNotice}>
            {t('dismiss')}
          </button>
        </p>
      )}
      <ul class="queue__list" role="list" aria-labelledby="queue-heading">
        {waiting.map((item) => (
          <li key={item.conversationId} class={`queue__item${item.mentioned ? ' queue__item--mentioned' : ''}`}>
            <span class="queue__line">
              <span class="queue__title">{item.title}</span>
              <time class="queue__wait" dateTime={new Date(item.waitingSince).toISOString()} title={exactTime(item.waitingSince)}>
                {t('waitingFor', age(item.waitingSince, now))}
              </time>
            </span>
            {item.number && item.number !== item.title && <span class="queue__number">{item.number}</span>}
            <span class="queue__preview">{item.preview ?? ''}</span>
            <span class="queue__line">
              <span class="queue__group">
                {item.groupName}
                {item.mentioned && <span class="mention mention--red">{t('mention_you')}</span>}
              </span>
              <button
                type="button"
                class="button button--small button--queue"
                disabled={claiming.value !== null}
                onClick={() => void claim(item.conversationId)}
              >
                {t('claim')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
