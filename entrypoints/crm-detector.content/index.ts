import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCrmDetector } from '../../utils/crm/detector';

// The heavy part of the CRM content script (libphonenumber, CRM profiles, SMS buttons, dock, case
// flow). Never declared in the manifest: the background injects it with scripting.executeScript
// when the loader (entrypoints/crm.content) sees a candidate, or when a chat request needs the page.
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    void startCrmDetector(ctx).catch((error: unknown) => console.error('[parley] the CRM detector failed to start', error, browser.runtime.id));
  },
});
