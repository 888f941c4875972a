import { browser } from 'wxt/browser';
import { DETECTOR_CONFIG_KEY, asSupportedCountry, extraMatchesOf, type DetectorConfig } from '../crm/crm-config';
import { crmSitesItem, defaultCountryItem } from '../crm/crm-settings';
import { profileForUrl } from '../crm/profiles/registry';

const DETECTOR = '/crm-detector.js';
const UI = '/crm-ui.js';

/**
 * What the detector needs from storage and the profiles, read here so the CRM page carries neither
 * a storage client nor the profiles' match patterns: the profile is picked by the frame's address.
 */
async function detectorConfig(frameUrl: string): Promise<DetectorConfig> {
  const [country, sites] = await Promise.all([defaultCountryItem.getValue(), crmSitesItem.getValue()]);
  const extraMatches = extraMatchesOf(Array.isArray(sites) ? sites : []);
  return { defaultCountry: asSupportedCountry(country), profileId: profileForUrl(new URL(frameUrl), extraMatches).id, extraMatches };
}

/**
 * Makes sure the CRM detector runs in a tab's frame: asks it first, since injecting it again would
 * restart it (the newer copy stops the older one), and injects it when nobody answers, its config
 * first (into the same isolated world, which the page's scripts cannot read). Needs host access to
 * the page: a granted CRM origin, or the demo CRM's declared one.
 */
export async function ensureDetector(tabId: number, frameId = 0): Promise<void> {
  try {
    const reply = await browser.tabs.sendMessage(tabId, { name: 'bg→crm:ping', payload: {} }, { frameId });
    if (reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true) return;
  } catch {
    // No detector there yet.
  }
  const target = { tabId, frameIds: [frameId] };
  const [frame] = await browser.scripting.executeScript({ target, func: () => location.href });
  await browser.scripting.executeScript({
    target,
    func: (key: string, config: DetectorConfig) => {
      (globalThis as Record<string, unknown>)[key] = config;
    },
    args: [DETECTOR_CONFIG_KEY, await detectorConfig(String(frame?.result))],
  });
  await browser.scripting.executeScript({ target, files: [DETECTOR] });
}

/**
 * The detector's on-demand part (the dock, chat-request cards, case search and links, Log to case),
 * injected into the frame whose detector first needs it (utils/crm/crm-ui-loader.ts).
 */
export async function injectCrmUi(tabId: number, frameId = 0): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [UI] });
}
