import { describe, expect, it } from 'vitest';
import { buildCaseLink } from '../../../utils/crm/profiles/links';
import { defineCrmProfile, definePageProfile, type CrmProfile, type LinkTarget } from '../../../utils/crm/profiles/schema';

const testProfile = (links: CrmProfile['links'], matches = ['https://crm.example.com/*']) =>
  defineCrmProfile(definePageProfile({ id: 'test-crm', phoneFields: [{ selector: 'input', label: () => null }] }), {
    name: 'Test CRM',
    matches,
    links,
    fixtures: [{ file: 'x.html', url: 'https://crm.example.com/' }],
  });

// A profile whose builder returns whatever the test says, as a careless or hostile one might.
const returning = (target: LinkTarget) => testProfile({ searchByPhone: () => target });

const page = new URL('https://crm.example.com/cases/7');
const link = (target: LinkTarget, input: { phone: string; name?: string | null } = { phone: '+15035550142' }) =>
  buildCaseLink(returning(target), 'searchByPhone', page, input);

describe('case links', () => {
  it.each(['//evil.example/x', '/\\evil.example/x', '\\\\evil.example', 'https://evil.example/x', 'javascript:alert(1)', 'cases?x=1', '/search?q=1', '/search#x'])(
    'refuse a path that is not a plain path on the origin: %s',
    (path) => {
      expect(() => link({ path, prefilled: [] })).toThrow(expect.objectContaining({ problem: 'leaves-origin' }));
    },
  );

  it('encode parameters and hashes so page data cannot add parameters or leave the origin', () => {
    const url = link({ path: '/search', params: { q: '+1 & admin=1#x', 'a b': '/../' }, hash: 'view/"><img>', prefilled: [] }).url;
    expect(url.origin).toBe('https://crm.example.com');
    expect(url.pathname).toBe('/search');
    expect([...url.searchParams]).toEqual([
      ['q', '+1 & admin=1#x'],
      ['a b', '/../'],
    ]);
    expect(url.href).toBe('https://crm.example.com/search?q=%2B1+%26+admin%3D1%23x&a+b=%2F..%2F#view/%22%3E%3Cimg%3E');
  });

  it('keep the port of the page', () => {
    const local = testProfile({ searchByPhone: () => ({ path: '/s', prefilled: [] }) }, ['http://127.0.0.1/*']);
    expect(buildCaseLink(local, 'searchByPhone', new URL('http://127.0.0.1:9000/x'), { phone: '+15035550142' }).url.href).toBe('http://127.0.0.1:9000/s');
  });

  it('take only E.164 numbers', () => {
    for (const phone of ['5035550142', '+1 503 555 0142', '+15035550142&x=1', '+0123456789', '+1234567890123456', '']) {
      expect(() => link({ path: '/s', prefilled: [] }, { phone }), phone).toThrow(expect.objectContaining({ problem: 'invalid-phone' }));
    }
  });

  it('hand builders a one-line, bounded name, or none', () => {
    let seen: string | undefined = 'unset';
    const spy = testProfile({
      searchByPhone: ({ name }) => {
        seen = name;
        return { path: '/s', prefilled: [] };
      },
    });
    buildCaseLink(spy, 'searchByPhone', page, { phone: '+15035550142', name: '  Maria\r\n\tLopez\u202e\u0000 ' });
    expect(seen).toBe('Maria Lopez');
    buildCaseLink(spy, 'searchByPhone', page, { phone: '+15035550142', name: 'x'.repeat(500) });
    expect(seen).toHaveLength(100);
    buildCaseLink(spy, 'searchByPhone', page, { phone: '+15035550142', name: '\u0000 \n' });
    expect(seen).toBeUndefined();
  });
});
