import { useModel } from '@preact/signals';
import { t } from '../utils/i18n';
import { PreferencesModel } from '../utils/ui/preferences-model';

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="toggle">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** Notifications, alert tone and SMS splitting; every change is saved as it is made. */
export function PreferencesForm() {
  const prefs = useModel(PreferencesModel);
  const tone = prefs.tone.value;
  const rules = prefs.rules.value;
  return (
    <section class="options__section" aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('prefsTitle')}</h2>
      <fieldset class="options__group">
        <legend>{t('prefsNotifications')}</legend>
        <Toggle label={t('prefsNotifyNew')} checked={rules.newConversations} onChange={(newConversations) => prefs.setRules({ newConversations })} />
        <Toggle label={t('prefsNotifyLater')} checked={rules.laterMessages} onChange={(laterMessages) => prefs.setRules({ laterMessages })} />
      </fieldset>
      <fieldset class="options__group">
        <legend>{t('prefsTone')}</legend>
        <Toggle label={t('prefsToneEnabled')} checked={tone.enabled} onChange={(enabled) => prefs.setTone({ enabled })} />
        <label class="field">
          <span class="field__label">{t('prefsVolume')}</span>
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            disabled={!tone.enabled}
            value={Math.round(tone.volume * 100)}
            onChange={(event) => prefs.setTone({ volume: Number(event.currentTarget.value) / 100 })}
          />
        </label>
        <div>
          <button type="button" class="button" disabled={!tone.enabled} onClick={() => void prefs.playTestTone()}>
            {t('prefsPlayTone')}
          </button>
        </div>
      </fieldset>
      <fieldset class="options__group">
        <legend>{t('prefsSms')}</legend>
        <Toggle label={t('prefsSplit')} checked={prefs.splitting.value.enabled} onChange={(enabled) => prefs.setSplitting(enabled)} />
      </fieldset>
    </section>
  );
}
