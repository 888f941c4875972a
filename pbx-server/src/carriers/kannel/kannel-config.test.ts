import { describe, expect, it } from 'vitest';
import { loadKannelTemplate, renderKannelConfig, type KannelConfigValues } from './kannel-config';

const values: KannelConfigValues = {
  ADMIN_PORT: 1,
  ADMIN_PASSWORD: 'a',
  STATUS_PASSWORD: 's',
  SMSBOX_PORT: 2,
  SENDSMS_PORT: 3,
  SENDSMS_USERNAME: 'u',
  SENDSMS_PASSWORD: 'p',
  FAKE_SMSC_PORT: 4,
  FAKE_SMSC_MO_PORT: 5,
  PARLEY_BASE_URL: 'http://127.0.0.1:3000',
  PARLEY_TOKEN: 'kannel-token-0123456789',
  LOG_DIR: '/tmp/x',
  LOG_LEVEL: 0,
};

describe('renderKannelConfig', () => {
  it('fills every placeholder of the shipped template and points get-url at Parley', async () => {
    const config = renderKannelConfig(await loadKannelTemplate(), values);
    expect(config).not.toMatch(/\{\{/);
    expect(config).toContain(
      'get-url = "http://127.0.0.1:3000/v1/carriers/kannel/inbound?token=kannel-token-0123456789&from=%p&to=%P&text=%b&coding=%c&charset=%C&id=%I&smsc=%i&ts=%T"',
    );
    expect(config).toContain('sendsms-port = 3');
  });

  it('fails on a missing value and on values that would break the file', () => {
    expect(() => renderKannelConfig('x = {{NOPE}}', values)).toThrow(/NOPE/);
    expect(() => renderKannelConfig('', { ...values, SENDSMS_PASSWORD: 'a"b' })).toThrow(/SENDSMS_PASSWORD/);
    expect(() => renderKannelConfig('', { ...values, PARLEY_BASE_URL: 'http://h/%41' })).toThrow(/%/);
    expect(() => renderKannelConfig('', { ...values, PARLEY_BASE_URL: 'http://h/' })).toThrow(/trailing|end with/);
    expect(() => renderKannelConfig('', { ...values, PARLEY_TOKEN: 'short' })).toThrow(/PARLEY_TOKEN/);
    expect(() => renderKannelConfig('', { ...values, PARLEY_TOKEN: 'has%25percent-0123456789' })).toThrow(/PARLEY_TOKEN/);
  });
});
