import { describe, expect, it } from 'vitest';
import { detectorConfigOf, extraMatchesOf } from '../../../utils/crm/crm-config';

describe('the config the background hands the detector', () => {
  it('is taken as sent when it checks out', () => {
    const extraMatches = extraMatchesOf([{ origin: 'https://rt.example.org', profileId: 'request-tracker' }, { origin: 'https://acme.example.com' }]);
    expect(extraMatches).toEqual({ 'request-tracker': ['https://rt.example.org/*'] });
    expect(detectorConfigOf({ defaultCountry: 'GB', profileId: 'request-tracker', extraMatches })).toEqual({ defaultCountry: 'GB', profileId: 'request-tracker', extraMatches });
  });

  it('falls back field by field on anything else: the page never runs on an unchecked value', () => {
    expect(detectorConfigOf(undefined)).toEqual({ defaultCountry: 'US', profileId: 'generic', extraMatches: {} });
    expect(detectorConfigOf({ defaultCountry: 'XX', profileId: 7, extraMatches: { demo: 'http://x/*', rt: ['ok/*', 5], hubspot: ['https://a.example/*'] } })).toEqual({
      defaultCountry: 'US',
      profileId: 'generic',
      extraMatches: { hubspot: ['https://a.example/*'] },
    });
  });
});
