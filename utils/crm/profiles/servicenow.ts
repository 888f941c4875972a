import { joinedLinesAt } from './extractors';
import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile, definePageProfile } from './schema';

const SYS_ID = '[0-9a-f]{32}';
const CASE_TABLES = 'sn_customerservice_case|incident';

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const servicenowPageProfile = definePageProfile({
  id: 'servicenow',
  casePages: [new RegExp(`^/(?:${CASE_TABLES})\\.do\\?(?:.*&)?sys_id=(?<id>${SYS_ID})(?:&|#|$)`)],
  // Field labels are <label for="…"> beside each input, readonly ones included.
  phoneFields: [anyPhoneInput],
});

/**
 * ServiceNow Customer Service cases and incidents, classic form (UI16, or the gsft_main frame
 * Next Experience shows classic forms in: the content script runs in that frame).
 */
export const servicenowProfile = defineCrmProfile(servicenowPageProfile, {
  name: 'ServiceNow',
  matches: ['https://*.service-now.com/*', 'https://*.servicenowservices.com/*'],
  caseView: {
    reference: 'input[id^="sys_readonly."][id$=".number"]',
    title: 'input[id$=".short_description"]:not([type="hidden"])',
    customerName: 'input[id^="sys_display."][id$=".contact"], input[id="sys_display.incident.caller_id"]',
    address: joinedLinesAt('textarea[id$=".u_service_address"], textarea[id$=".u_address"]'),
  },
  noteField: '#activity-stream-work_notes-textarea',
  links: {
    searchByPhone: ({ phone }) => ({ path: '/text_search_exact_match.do', params: { sysparm_search: phone }, prefilled: ['phone'] }),
    // sys_id=-1 is a new record; sysparm_query sets its fields ("^" separates them, so it may not
    // appear in a value).
    newCase: ({ phone, name }) => {
      const who = name?.replace(/\^/g, ' ');
      return {
        path: '/sn_customerservice_case.do',
        params: {
          sys_id: '-1',
          sysparm_query: `short_description=${who ? `SMS from ${who} (${phone})` : `SMS from ${phone}`}^description=Customer phone: ${phone}`,
        },
        prefilled: who ? ['phone', 'name'] : ['phone'],
      };
    },
  },
  fixtures: [{ file: 'case-form.html', url: 'https://acme.service-now.com/sn_customerservice_case.do?sys_id=9d385017c611228701d22104cc95c371&sysparm_view=case' }],
});
