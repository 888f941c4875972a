import { joinedLinesAt } from './extractors';
import { formFieldLabel } from './labels';
import { defineCrmProfile, definePageProfile } from './schema';

// Record pages are main.aspx with pagetype, etn (entity) and id in any order.
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const caseRecord = new RegExp(`^/main\\.aspx\\?(?=(?:.*&)?pagetype=entityrecord(?:&|$))(?=(?:.*&)?etn=incident(?:&|$))(?:.*&)?id=(?:%7[bB])?(?<id>${GUID})`);

/** The app the agent works in: links stay inside it. */
const appParam = (page: URL): Record<string, string> => {
  const appid = page.searchParams.get('appid');
  return appid ? { appid } : {};
};

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const dynamics365PageProfile = definePageProfile({
  id: 'dynamics-365',
  casePages: [caseRecord],
  // The phone control: a text input (with a call button beside it) whatever the form or quick view.
  phoneFields: [{ selector: 'input[data-id$=".fieldControl-phone-text-input"]', label: formFieldLabel }],
});

/** Microsoft Dynamics 365 Customer Service (model-driven Unified Interface), case = incident. */
export const dynamics365Profile = defineCrmProfile(dynamics365PageProfile, {
  name: 'Microsoft Dynamics 365',
  // crm.dynamics.com, crm4.dynamics.com (EMEA), crm11 (UK), … are all subdomains of dynamics.com.
  matches: ['https://*.dynamics.com/*'],
  caseView: {
    reference: 'input[data-id="ticketnumber.fieldControl-text-box-text"]',
    title: 'input[data-id="title.fieldControl-text-box-text"]',
    customerName: '[data-id="customerid.fieldControl-LookupResultsDropdown_customerid_selected_tag_text"]',
    address: joinedLinesAt('textarea[data-id$="address1_composite.fieldControl-text-box-text"]'),
  },
  noteField: 'textarea[data-id="notescontrol-notetext_id"]',
  links: {
    searchByPhone: ({ phone, page }) => ({
      path: '/main.aspx',
      params: { ...appParam(page), pagetype: 'search', searchText: phone, searchType: '1' },
      prefilled: ['phone'],
    }),
    // A case has no phone column: extraqs fills the title and description of the new case.
    newCase: ({ phone, name, page }) => {
      const fields = new URLSearchParams({
        title: name ? `SMS from ${name} (${phone})` : `SMS from ${phone}`,
        description: `Customer phone: ${phone}`,
      });
      return {
        path: '/main.aspx',
        params: { ...appParam(page), pagetype: 'entityrecord', etn: 'incident', extraqs: fields.toString() },
        prefilled: name ? ['phone', 'name'] : ['phone'],
      };
    },
  },
  fixtures: [
    {
      file: 'case-form.html',
      url: 'https://contoso.crm.dynamics.com/main.aspx?appid=2f8b1a3c-5d4e-4f6a-9b7c-1d2e3f4a5b6c&pagetype=entityrecord&etn=incident&id=7c9e6679-7425-40de-944b-e07fc1f90ae7',
    },
  ],
});
