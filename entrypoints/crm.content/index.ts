import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createDock } from '../../utils/crm/dock';
import { watchPhoneNumbers } from '../../utils/crm/phone-buttons';
import { crmProtocol } from '../../utils/messaging/crm-protocol';
import { createRouter } from '../../utils/messaging/router';

// The demo CRM for now; per-CRM profiles with optional host permissions come later.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    const dock = createDock(ctx);
    watchPhoneNumbers(ctx, (number) => {
      dock.open({ number }).catch((error) => console.warn('[parley] could not open the dock', error));
    });
    const route = createRouter('crm', crmProtocol, {
      'bg→crm:open-dock': async ({ conversationId }) => {
        await dock.open({ conversation: conversationId });
        return {};
      },
    });
    const listener = (message: unknown, sender: Parameters<typeof route>[1]) => route(message, sender);
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
