import { action, createModel, effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { crmOriginOf } from './crm-origin';
import { addressSearchItem, asSupportedCountry, crmSitesItem, defaultCountryItem, type CrmSite } from './crm-settings';

/**
 * The CRM sites on the options page: each origin the agent adds is granted host access at once
 * (permissions.request, from the click itself: browsers only ask during a user gesture), and the
 * background registers the content script for it (utils/background/case-sites.ts). Removing a site
 * gives the access back.
 */
export const CrmSitesModel = createModel(() => {
  const sites = signal<CrmSite[]>([]);
  const draft = signal('');
  const problem = signal<'invalid' | 'denied' | null>(null);
  const defaultCountry = signal<string>('US');
  const addressSearch = signal('');

  effect(() => {
    void crmSitesItem.getValue().then((value) => (sites.value = value));
    return crmSitesItem.watch((value) => (sites.value = value ?? []));
  });
  effect(() => {
    void defaultCountryItem.getValue().then((value) => (defaultCountry.value = asSupportedCountry(value)));
  });
  effect(() => {
    void addressSearchItem.getValue().then((value) => (addressSearch.value = value));
  });

  /** Called straight from the click: the permission request must be the first await. */
  const add = action(async () => {
    const origin = crmOriginOf(draft.value);
    if (!origin) {
      problem.value = 'invalid';
      return;
    }
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) {
      problem.value = 'denied';
      return;
    }
    problem.value = null;
    draft.value = '';
    const current = await crmSitesItem.getValue();
    if (!current.some((site) => site.origin === origin)) await crmSitesItem.setValue([...current, { origin }]);
  });

  const remove = action(async (origin: string) => {
    await crmSitesItem.setValue((await crmSitesItem.getValue()).filter((site) => site.origin !== origin));
    // An origin the manifest grants (the demo CRM) cannot be given back; the site is gone all the same.
    await browser.permissions.remove({ origins: [`${origin}/*`] }).catch((error: unknown) => console.warn('[parley] host access stays', error));
  });

  const setDefaultCountry = action((country: string) => {
    defaultCountry.value = asSupportedCountry(country);
    void defaultCountryItem.setValue(defaultCountry.value);
  });

  const setAddressSearch = action((template: string) => {
    addressSearch.value = template;
    void addressSearchItem.setValue(template.trim());
  });

  return { sites, draft, problem, defaultCountry, addressSearch, add, remove, setDefaultCountry, setAddressSearch };
});
