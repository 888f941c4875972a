import { t } from '../i18n';
import { RequestFailed } from '../messaging/client';

/** Turns a failed background request into a sentence for the agent. */
export function explain(error: unknown, serverUrl = ''): string {
  if (!(error instanceof RequestFailed)) return t('err_internal', error instanceof Error ? error.message : String(error));
  const { code, message } = error.error;
  switch (code) {
    case 'invalid_credentials':
      return t('err_invalid_credentials');
    case 'unreachable':
      return t('err_unreachable', serverUrl || message);
    case 'unauthorized':
      return t('err_unauthorized');
    default:
      return t(`err_${code}`, message);
  }
}
