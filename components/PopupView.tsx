import { useModel, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ConnectionModel } from '../utils/ui/connection-model';
import { live } from '../utils/ui/live';
import { openPanel } from '../utils/ui/open-panel';
import { ConnectionBanner } from './ConnectionBanner';

export function PopupView() {
  const connection = useModel(ConnectionModel);
  const unread = useSignal(0);
  useEffect(() => live('unreadTotal', [], (count) => (unread.value = count)), []);
  const agent = connection.agent.value;
  return (
    <main class="popup">
      <h1 class="popup__brand">{t('extName')}</h1>
      {agent && <p class="popup__agent">{t('connectedAs', [agent.name, agent.extension])}</p>}
      <ConnectionBanner connection={connection} />
      {unread.value > 0 && <p class="popup__unread">{t('unreadCount', String(unread.value))}</p>}
      <button
        type="button"
        class="button button--primary"
        onClick={() => {
          void openPanel().then(() => window.close());
        }}
      >
        {t('openParley')}
      </button>
    </main>
  );
}
