import { describe, expect, it } from 'vitest';
import full from 'libphonenumber-js/metadata.max.json';
import type { MetadataJson } from 'libphonenumber-js/core';
import { phoneMetadata, SUPPORTED_COUNTRIES } from '../../../utils/sms/detect/metadata';
import { pruneMetadata } from '../../../utils/sms/detect/metadata/prune';

describe('pruned phone metadata', () => {
  it('matches the installed libphonenumber-js (run utils/sms/detect/metadata/generate.ts after an upgrade)', () => {
    expect(phoneMetadata).toEqual(pruneMetadata(full as MetadataJson, SUPPORTED_COUNTRIES));
  });

  it('keeps exactly the supported countries under their calling codes', () => {
    expect(Object.keys(phoneMetadata.countries).sort()).toEqual([...SUPPORTED_COUNTRIES].sort());
    expect(phoneMetadata.country_calling_codes['1']).toEqual(['US', 'CA']);
    expect(phoneMetadata.country_calling_codes['44']).toEqual(['GB']);
    expect(phoneMetadata.country_calling_codes['7']).toBeUndefined();
  });
});
