import { useModel } from '@preact/signals';
import { CrmSitesModel } from '../utils/crm/crm-sites-model';
import { t } from '../utils/i18n';
import { SUPPORTED_COUNTRIES } from '../utils/sms/detect/metadata/countries';

/** CRM sites with their host access, the default country for phone numbers and the address search. */
export function CrmSitesForm() {
  const crm = useModel(CrmSitesModel);
  const problem = crm.problem.value;
  return (
    <section class="options__section" aria-labelledby="crm-title">
      <h2 id="crm-title">{t('crmTitle')}</h2>
      <p class="options__intro">{t('crmIntro')}</p>
      <ul class="options__group" aria-label={t('crmSites')}>
        {crm.sites.value.length === 0 && <li>{t('crmNoSites')}</li>}
        {crm.sites.value.map((site) => (
          <li key={site.origin} class="toggle">
            <span>{site.origin}</span>
            <button type="button" class="button" onClick={() => void crm.remove(site.origin)} aria-label={t('crmRemoveSite', site.origin)}>
              {t('crmRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="options__form"
        onSubmit={(event) => {
          event.preventDefault();
          void crm.add();
        }}
      >
        <label class="field">
          <span class="field__label">{t('crmSiteAddress')}</span>
          <input type="text" inputMode="url" placeholder="https://acme.my.salesforce.com" value={crm.draft.value} onInput={(e) => (crm.draft.value = e.currentTarget.value)} />
        </label>
        {problem && (
          <p class="options__status options__status--error" role="alert">
            {t(problem === 'invalid' ? 'crmInvalidSite' : 'crmDenied')}
          </p>
        )}
        <div class="options__actions">
          <button type="submit" class="button button--primary">
            {t('crmAddSite')}
          </button>
        </div>
      </form>
      <label class="field">
        <span class="field__label">{t('crmDefaultCountry')}</span>
        <select value={crm.defaultCountry.value} onChange={(e) => crm.setDefaultCountry(e.currentTarget.value)}>
          {SUPPORTED_COUNTRIES.map((country) => (
            <option key={country} value={country}>
              {country}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field__label">{t('crmAddressSearch')}</span>
        <input type="url" placeholder="https://www.openstreetmap.org/search?query={address}" value={crm.addressSearch.value} onChange={(e) => crm.setAddressSearch(e.currentTarget.value)} />
      </label>
    </section>
  );
}
