import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadDetectorWhenNeeded } from '../../utils/crm/loader';

// The small loader. Declared for the demo CRM only; every other CRM origin gets it through
// scripting.registerContentScripts once the agent grants that origin on the options page
// (utils/background/case-sites.ts). The detector it loads is entrypoints/crm-detector.content.
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  main(ctx) {
    loadDetectorWhenNeeded(ctx);
  },
});
