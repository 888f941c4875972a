import { defineContentScript } from 'wxt/utils/define-content-script';
import { createDock } from '../../utils/crm/dock';
import { watchPhoneNumbers } from '../../utils/crm/phone-buttons';

// The demo CRM for now; per-CRM profiles with optional host permissions come later.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    const dock = createDock(ctx);
    watchPhoneNumbers(ctx, (e164) => {
      dock.open(e164).catch((error) => console.warn('[parley] could not open the dock', error));
    });
  },
});
