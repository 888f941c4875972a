import { SUPPORTED_COUNTRIES, type SupportedCountry } from '../sms/detect/metadata/countries';

/**
 * The CRM settings in the shape the page scripts use them, with no storage access: the background
 * reads storage (utils/crm/crm-settings.ts) and hands the detector its DetectorConfig when it
 * injects it (utils/background/case-inject.ts). The detector checks it like any message.
 */

export function asSupportedCountry(value: unknown): SupportedCountry {
  return (SUPPORTED_COUNTRIES as readonly unknown[]).includes(value) ? (value as SupportedCountry) : 'US';
}

/** A CRM origin the agent enabled on the options page (host access granted for `${origin}/*`). */
export interface CrmSite {
  origin: string;
  /** A profile forced for this origin (a self-hosted Request Tracker); absent: picked by URL. */
  profileId?: string;
}

/** Extra match patterns per profile, for profileForUrl: the sites an agent assigned to a profile. */
export function extraMatchesOf(sites: readonly CrmSite[]): Record<string, string[]> {
  const extra: Record<string, string[]> = {};
  for (const { origin, profileId } of sites) if (profileId) (extra[profileId] ??= []).push(`${origin}/*`);
  return extra;
}

export interface DetectorConfig {
  /** How numbers written without "+" are read on this page. */
  defaultCountry: SupportedCountry;
  /** The page's CRM profile, which the background picks by the frame's URL (profiles/registry.ts). */
  profileId: string;
  /** The sites the agent assigned to a profile (extraMatchesOf). */
  extraMatches: Record<string, string[]>;
}

/** Where the background leaves the config in the detector's isolated world, just before injecting it. */
export const DETECTOR_CONFIG_KEY = '__parleyCrmDetectorConfig';

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.length <= 100 && value.every((item) => typeof item === 'string' && item.length <= 2000);

/** The config as the page received it, checked field by field; what does not check out falls back to the defaults. */
export function detectorConfigOf(value: unknown): DetectorConfig {
  const { defaultCountry, profileId, extraMatches } = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof DetectorConfig, unknown>>;
  const matches: Record<string, string[]> = {};
  if (typeof extraMatches === 'object' && extraMatches !== null) {
    for (const [profileId, patterns] of Object.entries(extraMatches)) if (isStringList(patterns)) matches[profileId] = patterns;
  }
  return { defaultCountry: asSupportedCountry(defaultCountry), profileId: typeof profileId === 'string' ? profileId : 'generic', extraMatches: matches };
}
