import { describe, expect, it } from 'vitest';
import { crmGuards } from '../../../utils/crm/crm-guards';
import { crmProtocol } from '../../../utils/messaging/crm-protocol';

// The CRM page checks the background's messages with hand-written guards (no zod in every CRM
// page); they must accept and reject exactly what the protocol's zod schemas do, and keep the
// same fields.
const request = { conversationId: 'c1', callId: 'SMS +15035550142', title: 'SMS Chat Request', preview: 'Where is my parcel?' };
const found = { id: '1001', title: 'Parcel delayed', url: 'http://127.0.0.1:8788/cases/1001' };

const samples: Record<keyof typeof crmGuards, unknown[]> = {
  'bg→crm:open-dock': [{ conversationId: 'c1' }, { conversationId: '' }, { conversationId: 'x'.repeat(201) }, { conversationId: 7 }, {}, null, 'c1', [], { conversationId: 'c1', extra: '<b>' }],
  'bg→crm:chat-request': [request, { ...request, callId: 'x'.repeat(41) }, { ...request, preview: undefined }, { ...request, title: 'x'.repeat(200) }, { ...request, title: 'x'.repeat(201) }, { ...request, more: 1 }],
  'bg→crm:offer-cases': [
    { ...request, cases: [] },
    { ...request, cases: [found, { ...found, title: null }] },
    { ...request, cases: [{ ...found, url: 'javascript:alert(1)' }] },
    { ...request, cases: [{ ...found, url: `https://x.example/${'a'.repeat(2000)}` }] },
    { ...request, cases: Array.from({ length: 11 }, () => found) },
    { ...request, cases: [{ ...found, title: undefined }] },
    { ...request, cases: [{ ...found, id: '' }] },
    { ...request, cases: 'none' },
    { ...request },
  ],
  'bg→crm:dismiss-request': [{ conversationId: 'c1' }, { conversationId: null }],
  'bg→crm:search-cases': [{ phone: '+15035550142' }, { phone: '5035550142' }, { phone: '+0123456789' }, { phone: '+1234567890123456' }, { phone: '+15035550142\n' }, {}],
  'bg→crm:new-case-url': [
    { phone: '+15035550142' },
    { phone: '+15035550142', name: 'Maria Lopez' },
    { phone: '+15035550142', name: 'x'.repeat(201) },
    { phone: '+15035550142', name: null },
    { phone: '+15035550142', name: 7 },
    { phone: 'tel:+15035550142' },
  ],
  'bg→crm:ping': [{}, { anything: 1 }, null, undefined, 'ping'],
  'bg→crm:toggle-dock': [{}, [], 3],
};

describe('the CRM page guards', () => {
  it('cover every message the CRM page receives', () => {
    expect(Object.keys(crmGuards).sort()).toEqual(Object.keys(crmProtocol).filter((name) => name.startsWith('bg→crm:')).sort());
  });

  it.each(Object.entries(samples))('%s: the same verdicts and data as the zod schema', (name, values) => {
    const guard = crmGuards[name as keyof typeof crmGuards].request;
    const schema = crmProtocol[name as keyof typeof crmGuards].request;
    for (const value of values) {
      const expected = schema.safeParse(value);
      const actual = guard.safeParse(value);
      expect(actual.success, JSON.stringify(value)?.slice(0, 120)).toBe(expected.success);
      if (expected.success && actual.success) expect(actual.data).toEqual(expected.data);
      if (!actual.success) expect(actual.error.message).toMatch(/expected/);
    }
  });
});
