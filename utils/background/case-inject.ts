import { browser } from 'wxt/browser';

const DETECTOR = '/content-scripts/crm-detector.js';

/**
 * Makes sure the CRM detector runs in a tab's frame: asks it first, since injecting it again would
 * restart it (WXT stops the older instance), and injects it when nobody answers. Needs host access
 * to the page: a granted CRM origin, or the demo CRM's declared one.
 */
export async function ensureDetector(tabId: number, frameId = 0): Promise<void> {
  try {
    const reply = await browser.tabs.sendMessage(tabId, { name: 'bg→crm:ping', payload: {} }, { frameId });
    if (reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true) return;
  } catch {
    // No detector there yet.
  }
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [DETECTOR] });
}
