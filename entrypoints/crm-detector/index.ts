import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DETECTOR_CONFIG_KEY, detectorConfigOf } from '../../utils/crm/crm-config';
import { startCrmDetector } from '../../utils/crm/detector';
import { createPageContext } from '../../utils/crm/page-context';

// The CRM detector (libphonenumber, the CRM profiles, the SMS buttons, the case on screen). Never
// declared in the manifest: the background injects it with scripting.executeScript, after its
// config, when the loader (entrypoints/crm.content) sees a candidate or a chat request needs the
// page (utils/background/case-inject.ts). An unlisted script rather than a WXT content script:
// WXT's content-script context brings webextension-polyfill into every CRM page.
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const config = detectorConfigOf(scope[DETECTOR_CONFIG_KEY]);
  delete scope[DETECTOR_CONFIG_KEY];
  startCrmDetector(createPageContext('crm-detector'), config);
});
