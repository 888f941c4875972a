import { useModel, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../utils/i18n';
import { ConnectionModel } from '../utils/ui/connection-model';
import { live } from '../utils/ui/live';
import { openPanel } from '../utils/ui/open-panel';
import { QueuePresenceModel } from '../utils/ui/queue-presence-model';
import { ConnectionBanner } from './ConnectionBanner';
import { QueuePresence } from './QueuePresence';

export function PopupView() {
  const connection = useModel(ConnectionModel);
  const presence = useModel(QueuePresenceModel);
  const unread = useSignal(0);
  useEffect(() => live('unreadTotal', [], (count) => (unread.value = count)), []);
  const agent = connection.agent.value;
  return (
    <main class="popup">
      <h1 class="popup__brand">{t('extName')}</h1>
      {agent && <p class="popup__agent">{t('connectedAs', [agent.name, agent.extension])}</p>}
      <ConnectionBanner connection={connection} />
      {unread.value > 0 && <p class="popup__unread">{t('unreadCount', String(unread.value))}</p>}
      {agent && <QueuePresence queues={presence.queues.value} onLoggedIn={presence.setLoggedIn} onPause={presence.pause} onResume={presence.resume} />}
      {presence.notice.value && (
        <p class="notice" role="alert">
          {presence.notice.value}
        </p>
      )}
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
