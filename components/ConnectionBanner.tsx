import { browser } from 'wxt/browser';
import { t } from '../utils/i18n';
import type { ConnectionModel } from '../utils/ui/connection-model';

type Props = { connection: InstanceType<typeof ConnectionModel> };

function openOptions(event: Event) {
  event.preventDefault();
  void browser.runtime.openOptionsPage();
}

/** One calm line about the link to the PBX; only the states that need action stand out. */
export function ConnectionBanner({ connection }: Props) {
  const state = connection.state.value;
  switch (state.status) {
    case 'online':
      return <p class="connection connection--online" role="status">{t('conn_online')}</p>;
    case 'connecting':
      return <p class="connection" role="status">{t('conn_connecting')}</p>;
    case 'offline': {
      const seconds = Math.ceil((state.retryAt - connection.now.value) / 1000);
      return (
        <p class="connection connection--warn" role="status">
          {seconds > 0 ? t('conn_offline', String(seconds)) : t('conn_offlineNow')}{' '}
          <button type="button" class="link-button" onClick={() => void connection.retryNow()}>
            {t('conn_retryNow')}
          </button>
        </p>
      );
    }
    case 'signed-out':
    case 'auth-failed':
      return (
        <p class="connection connection--warn" role="status">
          {state.status === 'signed-out' ? t('conn_signedOut') : t('conn_authFailed')}{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" onClick={openOptions}>
            {t('conn_signIn')}
          </a>
        </p>
      );
  }
}
