import { useModel } from '@preact/signals';
import { t } from '../utils/i18n';
import { ConnectionModel } from '../utils/ui/connection-model';
import { OptionsModel } from '../utils/ui/options-model';
import { CrmSitesForm } from './CrmSitesForm';
import { PreferencesForm } from './PreferencesForm';
import { TemplatesForm } from './TemplatesForm';

function Field({ label, children }: { label: string; children: preact.ComponentChildren }) {
  return (
    <label class="field">
      <span class="field__label">{label}</span>
      {children}
    </label>
  );
}

export function OptionsForm() {
  const form = useModel(OptionsModel);
  const connection = useModel(ConnectionModel);
  const agent = connection.agent.value;
  const result = form.result.value;
  const status = result
    ? result.text
    : agent
      ? t('connectedAs', [agent.name, agent.extension])
      : t('conn_signedOut');

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="options__intro">{t('optionsIntro')}</p>
      <form
        class="options__form"
        onSubmit={(event) => {
          event.preventDefault();
          void form.connect();
        }}
      >
        <Field label={t('serverUrl')}>
          <input type="url" required value={form.serverUrl.value} onInput={(e) => (form.serverUrl.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('extension')}>
          <input type="text" required autoComplete="username" inputMode="numeric" value={form.extension.value} onInput={(e) => (form.extension.value = e.currentTarget.value)} />
        </Field>
        <Field label={t('password')}>
          <input type="password" required autoComplete="current-password" value={form.password.value} onInput={(e) => (form.password.value = e.currentTarget.value)} />
        </Field>
        <div class="options__actions">
          <button type="submit" class="button button--primary" disabled={form.busy.value}>
            {t('saveAndConnect')}
          </button>
          {agent && (
            <button type="button" class="button" onClick={() => void form.signOut()}>
              {t('signOut')}
            </button>
          )}
        </div>
      </form>
      <p class={`options__status${result && !result.ok ? ' options__status--error' : ''}`} role="status">
        {status}
      </p>
      <PreferencesForm />
      <TemplatesForm signedIn={!!agent} />
      <CrmSitesForm />
    </main>
  );
}
