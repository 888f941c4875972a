import { useModel } from '@preact/signals';
import { t } from '../utils/i18n';
import { ConnectionModel } from '../utils/ui/connection-model';
import { openPanel } from '../utils/ui/open-panel';
import { ConnectionBanner } from './ConnectionBanner';

export function PopupView() {
  const connection = useModel(ConnectionModel);
  const agent = connection.agent.value;
  return (
    <main class="popup">
      <h1 class="popup__brand">{t('extName')}</h1>
      {agent && <p class="popup__agent">{t('connectedAs', [agent.name, agent.extension])}</p>}
      <ConnectionBanner connection={connection} />
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
