import { joinedLinesAt } from './extractors';
import { ancestorText, saysPhone, textOf } from './labels';
import { anyPhoneInput } from './phone-fields';
import { defineCrmProfile, definePageProfile } from './schema';

const rowLabel = ancestorText('.form-row', '.label');

/** Where RT is installed on its host: "" or a prefix such as "/rt". */
const rtBase = (page: URL) => /^(.*?)\/(?:Ticket|Search|SelfService)\//.exec(page.pathname)?.[1];

/** Where SMS buttons go on its pages: the part of the profile the detector carries into every page. */
export const requestTrackerPageProfile = definePageProfile({
  id: 'request-tracker',
  casePages: [/^(?:\/[^?#]*)?\/Ticket\/(?:Display|Update)\.html\?(?:.*&)?id=(?<id>\d+)(?:[&#]|$)/],
  phoneFields: [
    { selector: '.custom-field .current-value', accept: (value) => saysPhone(rowLabel(value)), label: rowLabel },
    anyPhoneInput,
  ],
});

/**
 * Best Practical's Request Tracker (RT 5). Self-hosted, so it has no origin of its own: its
 * patterns claim the ticket pages on any host, and the agent grants host access to their RT's
 * origin in the options page.
 */
export const requestTrackerProfile = defineCrmProfile(requestTrackerPageProfile, {
  name: 'Request Tracker',
  matches: ['*://*/Ticket/*', '*://*/*/Ticket/*'],
  caseView: {
    // "#1187: No hot water since Tuesday" (or "Comment on #1187: …").
    title: (scope) => textOf(scope.querySelector('#header h1'))?.replace(/^.*?#\d+:\s*/, ''),
    customerName: '.ticket-info-people .requestors .user',
    address: joinedLinesAt('.custom-field-Service-address .current-value'),
  },
  noteField: 'textarea[name="UpdateContent"]',
  links: {
    searchByPhone: ({ phone, page }) => {
      const base = rtBase(page);
      return base === undefined ? null : { path: `${base}/Search/Simple.html`, params: { q: phone }, prefilled: ['phone'] };
    },
    // Create.html takes ticket fields as parameters; without Queue, RT uses the default queue.
    newCase: ({ phone, name, page }) => {
      const base = rtBase(page);
      if (base === undefined) return null;
      const subject = name ? `SMS from ${name} (${phone})` : `SMS from ${phone}`;
      return { path: `${base}/Ticket/Create.html`, params: { Subject: subject, Content: `Customer phone: ${phone}` }, prefilled: name ? ['phone', 'name'] : ['phone'] };
    },
  },
  fixtures: [
    { file: 'ticket-display.html', url: 'https://rt.example.org/Ticket/Display.html?id=1187' },
    { file: 'ticket-comment.html', url: 'https://support.example.net/rt/Ticket/Update.html?Action=Comment&id=1187' },
  ],
});
