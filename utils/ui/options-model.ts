import { action, createModel, effect, signal } from '@preact/signals';
import { t } from '../i18n';
import { request } from '../messaging/client';
import { DEFAULT_SERVER_URL, extensionItem, serverUrlItem } from '../settings';
import { explain } from './errors';

/** The PBX connection form: prefilled from settings; the password only travels to the background. */
export const OptionsModel = createModel(() => {
  const serverUrl = signal(DEFAULT_SERVER_URL);
  const extension = signal('');
  const password = signal('');
  const busy = signal(false);
  /** The outcome of the last attempt; null shows the live connection state instead. */
  const result = signal<{ ok: boolean; text: string } | null>(null);

  effect(() => {
    void Promise.all([serverUrlItem.getValue(), extensionItem.getValue()]).then(([url, ext]) => {
      serverUrl.value = url;
      extension.value = ext;
    });
  });

  const connect = action(async () => {
    busy.value = true;
    result.value = { ok: true, text: t('conn_connecting') };
    const url = serverUrl.value.trim();
    try {
      const { agent } = await request('options→bg:connect', { serverUrl: url, extension: extension.value.trim(), password: password.value });
      result.value = { ok: true, text: t('connectedAs', [agent.name, agent.extension]) };
    } catch (error) {
      result.value = { ok: false, text: explain(error, url) };
    } finally {
      password.value = '';
      busy.value = false;
    }
  });

  const signOut = action(async () => {
    await request('options→bg:disconnect', {});
    result.value = null;
  });

  return { serverUrl, extension, password, busy, result, connect, signOut };
});
