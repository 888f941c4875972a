// The demo CRM (demo/app.ts) serves what the case-pop flows need, and what its profile reads.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../../demo/app';
import { createStore, type DemoCase } from '../../../demo/store';
import { demoProfile } from '../../../utils/crm/profiles/demo';
import { noteFieldOnScreen, readCase } from '../../../utils/crm/profiles/read';
import { FIXTURES_DIR, US } from './fixtures';

const seed: DemoCase[] = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../demo/cases.json'), 'utf8'));

function demo() {
  let now = Date.parse('2026-11-21T09:00:00Z');
  const app = createDemoApp(createStore(seed, () => new Date((now += 60_000))));
  const parse = async (response: Response) => new DOMParser().parseFromString(await response.text(), 'text/html');
  const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const searchIds = async (phone: string) =>
    ((await (await app.request(`/search?phone=${encodeURIComponent(phone)}`, { headers: { accept: 'application/json' } })).json()) as { cases: DemoCase[] }).cases.map((k) => k.id);
  return { app, parse, form, json, searchIds };
}

describe('demo CRM', () => {
  it('serves the pages saved as its profile fixtures', async () => {
    const { app } = demo();
    for (const { file, url } of demoProfile.fixtures) {
      const { pathname, search } = new URL(url);
      expect(await (await app.request(pathname + search)).text(), file).toBe(readFileSync(resolve(FIXTURES_DIR, 'demo', file), 'utf8'));
    }
  });

  it('finds the cases of a phone number in any format, most recently updated first', async () => {
    const { app, parse, searchIds } = demo();
    expect(await searchIds('(503) 555-0142')).toEqual(['1001', '1000']);
    expect(await searchIds('+1 503 555 0161')).toEqual(['1000']);
    expect(await searchIds('+15035550100')).toEqual([]);
    const page = await parse(await app.request('/search?phone=%2B15035550142'));
    expect([...page.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'))).toEqual(['/cases/1001', '/cases/1000']);
  });

  it('offers the recent cases of the prefilled phone on the new-case form', async () => {
    const { app, parse } = demo();
    const page = await parse(await app.request('/cases/new?phone=%2B15035550142&name=Maria+Lopez'));
    expect([...page.querySelectorAll('.recent a')].map((a) => a.textContent)).toEqual(['Continue case #1001', 'Continue case #1000']);
    expect((page.querySelector('#new-phone') as HTMLInputElement).value).toBe('+15035550142');
    expect((page.querySelector('#new-customer') as HTMLInputElement).value).toBe('Maria Lopez');
    const unknown = await parse(await app.request('/cases/new?phone=%2B15035550100'));
    expect(unknown.querySelector('.recent')).toBeNull();
  });

  it('creates a case from the form, which its profile then reads', async () => {
    const { app, parse, form, searchIds } = demo();
    const created = await app.request('/cases', form({ title: 'Texted about a refund', customer: 'Ana Ruiz', phone: '(503) 555-0123', address: '9 Pine St, Portland, OR' }));
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/cases/1003');
    const page = await parse(await app.request('/cases/1003'));
    expect(readCase(demoProfile, page, new URL('http://127.0.0.1:8788/cases/1003'), US)).toEqual({
      profileId: 'demo',
      id: '1003',
      reference: null,
      title: 'Texted about a refund',
      customerName: 'Ana Ruiz',
      address: '9 Pine St, Portland, OR',
      phones: [{ label: 'Mobile phone', e164: '+15035550123', raw: '(503) 555-0123' }],
    });
    expect(await searchIds('+15035550123')).toEqual(['1003']);
  });

  it('appends logged notes, escaped, and counts them as activity for recency', async () => {
    const { app, parse, json, searchIds } = demo();
    const logged = await app.request('/cases/1000/notes', json({ note: 'SMS transcript:\n<script>alert(1)</script> Thanks!' }));
    expect(logged.status).toBe(201);
    expect(await logged.json()).toEqual({ at: '2026-11-21T09:01:00.000Z', text: 'SMS transcript:\n<script>alert(1)</script> Thanks!' });
    expect(await searchIds('+15035550142')).toEqual(['1000', '1001']);

    const html = await (await app.request('/cases/1000')).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Thanks!');
    const page = await parse(new Response(html));
    expect(page.querySelectorAll('.notes li')).toHaveLength(2);
    expect(noteFieldOnScreen(demoProfile, page, new URL('http://127.0.0.1:8788/cases/1000'))).toBe(page.querySelector('#case-note'));
  });

  it('answers bad input with a 4xx naming the field, and changes nothing', async () => {
    const { app, form, json, searchIds } = demo();
    const badPhone = await app.request('/cases', json({ title: 'x', customer: 'y', phone: '12' }));
    expect(badPhone.status).toBe(400);
    expect(await badPhone.json()).toEqual({ error: 'invalid_request', field: 'phone', message: 'not a phone number' });

    const noTitle = await app.request('/cases', form({ title: ' ', customer: 'Ana', phone: '(503) 555-0123' }));
    expect(noTitle.status).toBe(400);
    expect(await noTitle.text()).toContain('title: enter a subject');

    expect(await (await app.request('/cases/1001/notes', json({ note: '  ' }))).json()).toMatchObject({ field: 'note' });
    expect((await app.request('/cases/9999/notes', json({ note: 'hi' }))).status).toBe(404);
    expect(await (await app.request('/search?phone=abc', { headers: { accept: 'application/json' } })).json()).toMatchObject({ field: 'phone' });

    expect(await searchIds('+15035550123')).toEqual([]);
    expect((await app.request('/cases/1003')).status).toBe(404);
  });
});
