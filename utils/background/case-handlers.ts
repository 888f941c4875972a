import type { Browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { ensureDetector, injectCrmUi } from './case-inject';
import type { CaseFlow } from './case-pop';

export type CaseMessage = 'crm→bg:load-detector' | 'crm→bg:case-on-screen' | 'crm→bg:answer-chat' | 'crm→bg:choose-case' | 'crm→bg:log-to-case';

/** The tab a content script's message came from; the router has already checked it is ours. */
function tabOf(sender: Browser.runtime.MessageSender): number {
  if (sender.tab?.id === undefined) throw new Error('a CRM message must come from a tab');
  return sender.tab.id;
}

/** Binds the CRM content scripts' messages to the case flow (validation and sender checks: the router). */
export function caseHandlers(flow: CaseFlow): Pick<Handlers<'bg'>, CaseMessage> {
  return {
    'crm→bg:load-detector': async ({ part }, sender) => {
      await (part === 'ui' ? injectCrmUi : ensureDetector)(tabOf(sender), sender.frameId ?? 0);
      return {};
    },
    'crm→bg:case-on-screen': async (report, sender) => {
      // Only the top frame speaks for the tab's case.
      if ((sender.frameId ?? 0) === 0) await flow.onCaseOnScreen(tabOf(sender), report);
      return {};
    },
    'crm→bg:answer-chat': async ({ conversationId }, sender) => {
      await flow.answer(conversationId, tabOf(sender));
      return {};
    },
    'crm→bg:choose-case': async ({ conversationId, caseUrl }, sender) => {
      await flow.choose(conversationId, caseUrl, tabOf(sender));
      return {};
    },
    'crm→bg:log-to-case': async (_request, sender) => flow.logToCase(tabOf(sender)),
  };
}
