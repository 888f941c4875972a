import { describe, expect, it } from 'vitest';
import { PbxConfigSchema } from '../config/schema';

const agent = { extension: '201', name: 'Jake', password: 'pw' };
const line = (number: string, carrier: string | null, channel = 'sms') => ({ number, channel, carrier, inboundRoute: { type: 'agent', extension: '201' } });
const kannel = (token: string) => ({ type: 'kannel', sendsmsUrl: 'http://127.0.0.1:13013/cgi-bin/sendsms', username: 'u', password: 'p', token });
const twilio = (accountSid: string) => ({ type: 'twilio', accountSid, authToken: 't' });
const AC1 = `AC${'1'.repeat(32)}`;

/** The first issue's path and message, as loadConfig reports it. */
function firstIssue(config: unknown): string | undefined {
  const result = PbxConfigSchema.safeParse(config);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('carriers in the PBX config', () => {
  it('accepts named Kannel and Twilio carriers, numbers pointing at them, and carrier-less numbers', () => {
    const config = PbxConfigSchema.parse({
      agents: [agent],
      numbers: [line('+15035550100', 'sms-gw'), line('+15035550101', 'twilio', 'whatsapp'), line('+15035550102', null), line('+15035550103', 'loopback')],
      carriers: { 'sms-gw': kannel('a-token-of-16-chars'), twilio: twilio(AC1) },
    });
    expect(config.carriers.twilio).toMatchObject({ apiBaseUrl: 'https://api.twilio.com', retryDelaysMs: [1000, 5000], timeoutMs: 10_000 });
    expect(config.numbers.map((n) => n.carrier)).toEqual(['sms-gw', 'twilio', null, 'loopback']);
  });

  it('defaults a number without a carrier to the loopback carrier', () => {
    const config = PbxConfigSchema.parse({ agents: [agent], numbers: [{ number: '+15035550100', channel: 'sms', inboundRoute: { type: 'agent', extension: '201' } }] });
    expect(config.numbers[0]!.carrier).toBe('loopback');
  });

  it('names the offending path', () => {
    expect(firstIssue({ numbers: [line('+15035550100', 'nope')] })).toBe('numbers.0.carrier: no carrier "nope" in carriers');
    expect(firstIssue({ numbers: [line('+15035550100', 'k', 'whatsapp')], carriers: { k: kannel('a-token-of-16-chars') } })).toBe(
      'numbers.0.carrier: Kannel carries SMS only, +15035550100 is whatsapp',
    );
    expect(firstIssue({ carriers: { loopback: kannel('a-token-of-16-chars') } })).toBe('carriers.loopback: is built in and cannot be configured');
    expect(firstIssue({ carriers: { a: kannel('same-token-0123456'), b: kannel('same-token-0123456') } })).toBe('carriers.b: same kannel token as carrier "a"');
    expect(firstIssue({ carriers: { a: twilio(AC1), b: twilio(AC1.toLowerCase().replace('ac', 'AC')) } })).toMatch(/^carriers\.b: same twilio account/);
    expect(firstIssue({ carriers: { k: kannel('has%percent-0123456') } })).toMatch(/^carriers\.k\.token: must be 16-128 characters/);
    expect(firstIssue({ carriers: { t: twilio('AC123') } })).toMatch(/^carriers\.t\.accountSid: must be a Twilio account SID/);
    expect(firstIssue({ carriers: { t: { ...twilio(AC1), webhookBaseUrl: 'https://pbx.example.com/' } } })).toMatch(/^carriers\.t\.webhookBaseUrl: must not end with \//);
    expect(firstIssue({ carriers: { Bad: twilio(AC1) } })).toMatch(/^carriers\.Bad: carrier names are lowercase/);
  });
});
