import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { ConversationBot } from '../utils/model/bot';
import { t } from '../utils/i18n';
import { ConfirmDialog } from './ConfirmDialog';

type Props = { bots: ConversationBot[]; onRemove: (botId: string) => Promise<unknown> };

/**
 * The bots taking part in a customer conversation, in the thread header, each with Remove. Removing
 * is for good for a routed bot, so it asks first; the dialog opens on Cancel, the safe choice.
 */
export function ConversationBots({ bots, onRemove }: Props) {
  const confirming = useSignal<ConversationBot | null>(null);
  const labelId = useId();
  if (bots.length === 0) return null;
  const bot = confirming.value;
  return (
    <div class="chat__bots">
      <span class="chat__bots-label" id={labelId}>
        {t('bots')}
      </span>
      <ul class="bot-list" aria-labelledby={labelId}>
        {bots.map((each) => (
          <li key={each.id} class="bot-chip">
            <span class="bot-chip__name">{each.name}</span>
            {each.routed && <span class="bot-chip__hint">{t('botRouted')}</span>}
            <button
              type="button"
              class="button button--small"
              aria-haspopup="dialog"
              aria-label={t('removeBotNamed', each.name)}
              onClick={() => (confirming.value = each)}
            >
              {t('removeBot')}
            </button>
          </li>
        ))}
      </ul>
      {bot && (
        <ConfirmDialog
          title={t('removeBotTitle', bot.name)}
          text={t('removeBotText')}
          confirmLabel={t('removeBot')}
          // Closed either way: a failure's reason shows in the panel's notices, behind this modal.
          onConfirm={() => onRemove(bot.id).finally(() => (confirming.value = null))}
          onCancel={() => (confirming.value = null)}
        />
      )}
    </div>
  );
}
