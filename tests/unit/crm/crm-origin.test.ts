import { describe, expect, it } from 'vitest';
import { crmOriginOf } from '../../../utils/crm/crm-origin';

describe('the CRM origin an agent types', () => {
  it.each([
    ['acme.my.salesforce.com', 'https://acme.my.salesforce.com'],
    ['https://rt.example.org/Ticket/Display.html?id=1', 'https://rt.example.org'],
    ['http://127.0.0.1:8788/cases/1001', 'http://127.0.0.1:8788'],
    ['  HTTPS://Support.Example.COM  ', 'https://support.example.com'],
    ['http://[::1]:8080/', 'http://[::1]:8080'],
  ])('%s → %s', (typed, origin) => expect(crmOriginOf(typed)).toBe(origin));

  it.each(['', 'not a web address', 'javascript:alert(1)', 'ftp://files.example.com', 'file:///etc/passwd', 'https://user:pw@crm.example.com', 'https://exa mple.com'])(
    'rejects %j',
    (typed) => expect(crmOriginOf(typed)).toBeNull(),
  );
});
