import { createMessageRouter } from '../messaging/message-router';
import { reportCaseOnScreen } from './case-reporter';
import type { DetectorConfig } from './crm-config';
import { crmGuards } from './crm-guards';
import { crmUiLoader } from './crm-ui-loader';
import type { PageContext } from './page-context';
import { extensionId, extensionUrl, onRuntimeMessage } from './page-runtime';
import { watchPhoneNumbers } from './phone-buttons';
import { pageProfileById } from './profiles/page-registry';
import { caseIdFromUrl } from './profiles/screen';

const warn = (what: string) => (error: unknown) => console.warn(`[parley] ${what}`, error);

/**
 * The CRM page's side of Parley: SMS buttons beside every number, the case on screen reported to
 * the background, and the background's requests. It carries only the page part of the profiles
 * (where buttons go); the case reader, the dock, chat-request cards and case search are the
 * on-demand part (crm-ui.ts), loaded on a case page or at the first click or request that needs it.
 */
export function startCrmDetector(ctx: PageContext, config: DetectorConfig): void {
  // Picked by the background for the frame's address: CRMs keep one profile on all their pages.
  const profile = pageProfileById(config.profileId);
  const ui = crmUiLoader(config);

  reportCaseOnScreen(ctx, async (url) => (caseIdFromUrl(profile, url) ? (await ui()).readCase(url) : { case: null, hasNoteField: false }));
  watchPhoneNumbers(ctx, { profile, defaultCountry: config.defaultCountry }, (number) =>
    void ui()
      .then((loaded) => loaded.openDock({ number }))
      .catch(warn('could not open the dock')),
  );

  const route = createMessageRouter(
    'crm',
    crmGuards,
    {
      'bg→crm:ping': async () => ({}),
      'bg→crm:open-dock': async ({ conversationId }) => {
        await (await ui()).openDock({ conversation: conversationId });
        return {};
      },
      'bg→crm:toggle-dock': async () => {
        await (await ui()).toggleDock();
        return {};
      },
      'bg→crm:chat-request': async (request) => {
        await (await ui()).showRequest(request);
        return {};
      },
      'bg→crm:offer-cases': async ({ cases, ...request }) => {
        await (await ui()).offerCases(request, cases);
        return {};
      },
      'bg→crm:dismiss-request': async ({ conversationId }) => {
        (await ui.loaded())?.dismissRequest(conversationId);
        return {};
      },
      'bg→crm:new-case-url': async ({ phone, name }) => ({ url: (await ui()).newCaseUrl(phone, name) }),
      'bg→crm:search-cases': async ({ phone }) => ({ cases: await (await ui()).searchCases(phone) }),
    },
    extensionId() ?? '',
    extensionUrl('/'),
  );
  ctx.onInvalidated(onRuntimeMessage(route));
}
