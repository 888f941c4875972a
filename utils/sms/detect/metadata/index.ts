import type { MetadataJson } from 'libphonenumber-js/core';
import metadataJson from './phone-metadata.json';

/** libphonenumber's `max` metadata, pruned to SUPPORTED_COUNTRIES by generate.ts. */
export const phoneMetadata = metadataJson as unknown as MetadataJson;

export { SUPPORTED_COUNTRIES, TRUNK_PREFIX_OFTEN_OMITTED, type SupportedCountry } from './countries';
