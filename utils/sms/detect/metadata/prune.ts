import type { MetadataJson } from 'libphonenumber-js/core';

/**
 * Keeps only `countries` from libphonenumber's metadata. The `max` set is pruned (rather than the
 * `min` one) because its per-type patterns let `isValid()` check the digits themselves, not just
 * the length — that is what keeps order numbers and dates from passing as phone numbers.
 */
export function pruneMetadata(full: MetadataJson, countries: readonly string[]): MetadataJson {
  const keep = new Set(countries);
  const callingCodes = Object.entries(full.country_calling_codes)
    .map(([code, regions]) => [code, regions.filter((region) => keep.has(region))] as const)
    .filter(([, regions]) => regions.length > 0);
  return {
    version: full.version,
    country_calling_codes: Object.fromEntries(callingCodes),
    countries: Object.fromEntries(Object.entries(full.countries).filter(([region]) => keep.has(region))),
    // Non-geographic codes (+800 freephone, +881 satellite…) are never customers' phones.
    nonGeographic: {},
  };
}
