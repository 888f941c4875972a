import { describe, expect, it } from 'vitest';
import { BACKENDS, DEMO, freshCustomer, textFromCustomer, until, useTestServer, type Who } from './harness';

/*
 * Seed 002 "Contact Search" and name resolution, seed 003 "Linking Call and SMS/WhatsApp
 * Conversations": the phonebook, the call log, and one history per number.
 */

const MARIA = '+15035550142';

describe.each(BACKENDS)('phonebook, call log and name resolution (%s)', (backend) => {
  const t = useTestServer(backend);
  const call = t.call;
  const contactCount = async () => Number((await t.server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM contacts'))[0]!.n);
  const recordCall = (who: Who, number: string, extra: Record<string, unknown> = {}) =>
    call(who, 'POST', '/v1/calls', { direction: 'inbound', number, status: 'answered', startedAt: t.server.clock.now().toISOString(), durationSeconds: 95, ...extra });

  it('the phonebook: search by name or digits, add, change, delete (supervisors)', async () => {
    const byName = (await call(DEMO.jake, 'GET', '/v1/contacts?q=maria')).body.contacts;
    expect(byName).toEqual([
      expect.objectContaining({
        name: 'Maria Lopez',
        numbers: [
          { number: MARIA, label: 'Mobile' },
          { number: '+15035550177', label: 'Home' },
        ],
      }),
    ]);
    expect((await call(DEMO.jake, 'GET', '/v1/contacts?q=555-0160')).body.contacts.map((c: any) => c.name)).toEqual(['Gina Linetti']);

    const before = await contactCount();
    const bad = await call(DEMO.jake, 'POST', '/v1/contacts', { name: 'Nope', numbers: [{ number: '+15035550190' }, { number: '12' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('numbers.1.number');
    expect(await contactCount()).toBe(before);

    const created = await call(DEMO.jake, 'POST', '/v1/contacts', { name: 'Kevin Cozner', company: 'Colgate', numbers: [{ number: '(503) 555-0190', label: 'Work' }] });
    expect(created.status).toBe(201);
    expect(created.body.contact).toMatchObject({ name: 'Kevin Cozner', company: 'Colgate', numbers: [{ number: '+15035550190', label: 'Work' }] });
    const id = created.body.contact.id;
    const changed = await call(DEMO.amy, 'PATCH', `/v1/contacts/${id}`, { numbers: [{ number: '+15035550191', label: 'Mobile' }] });
    expect(changed.body.contact).toMatchObject({ name: 'Kevin Cozner', company: 'Colgate', numbers: [{ number: '+15035550191', label: 'Mobile' }] });
    expect((await call(DEMO.jake, 'DELETE', `/v1/contacts/${id}`)).status).toBe(403);
    expect((await call(DEMO.terry, 'DELETE', `/v1/contacts/${id}`)).status).toBe(204);
    expect((await call(DEMO.jake, 'GET', `/v1/contacts/${id}`)).status).toBe(404);
    expect((await call(DEMO.jake, 'PATCH', `/v1/contacts/${id}`, { name: 'Ghost' })).status).toBe(404);
  });

  it('names numbers everywhere: the phonebook first, then caller names from the call log', async () => {
    await textFromCustomer(t.server.url, MARIA, 'Where is my parcel?', DEMO.did);
    const maria = await until(async () => ((await call(DEMO.jake, 'GET', '/v1/conversations')).body.conversations as any[]).find((c) => c.customerNumber === MARIA), 'Maria');
    expect(maria.customerName).toBe('Maria Lopez');
    expect((await call(DEMO.jake, 'GET', `/v1/contacts/resolve?number=${encodeURIComponent('(503) 555-0142')}`)).body).toEqual({
      number: MARIA,
      name: 'Maria Lopez',
      source: 'phonebook',
      contactId: expect.any(String),
    });

    const stranger = freshCustomer();
    expect((await call(DEMO.jake, 'GET', `/v1/contacts/resolve?number=${encodeURIComponent(stranger)}`)).body).toEqual({ number: stranger, name: null, source: null, contactId: null });
    await recordCall(DEMO.jake, stranger, { callerName: 'PAT CALLER' });
    expect((await call(DEMO.jake, 'GET', `/v1/contacts/resolve?number=${encodeURIComponent(stranger)}`)).body).toMatchObject({ name: 'PAT CALLER', source: 'call_log' });
    await textFromCustomer(t.server.url, stranger, 'It is Pat', DEMO.did);
    const pat = await until(async () => ((await call(DEMO.jake, 'GET', '/v1/conversations')).body.conversations as any[]).find((c) => c.customerNumber === stranger), 'Pat');
    expect(pat.customerName).toBe('PAT CALLER');
    await call(DEMO.jake, 'POST', '/v1/contacts', { name: 'Pat Whitfield', numbers: [{ number: stranger }] });
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${pat.id}`)).body.conversation.customerName).toBe('Pat Whitfield');
  });

  it('a call and a later text with the same number share one history; each agent sees its own part', async () => {
    const customer = freshCustomer();
    const recorded = await recordCall(DEMO.jake, customer, { durationSeconds: 42, didNumber: DEMO.did });
    expect(recorded.status).toBe(201);
    expect(recorded.body.call).toMatchObject({ agent: { extension: '201' }, number: customer, didNumber: DEMO.did, durationSeconds: 42, status: 'answered' });
    await t.server.advance(60_000);
    await textFromCustomer(t.server.url, customer, 'Following up on my call', DEMO.did);
    await until(async () => (await call(DEMO.jake, 'GET', `/v1/history?number=${encodeURIComponent(customer)}`)).body.items.length === 2, 'both');
    const history = (await call(DEMO.jake, 'GET', `/v1/history?number=${encodeURIComponent(customer)}`)).body;
    expect(history.items.map((i: any) => [i.type, i.call?.durationSeconds ?? i.message.body])).toEqual([
      ['message', 'Following up on my call'],
      ['call', 42],
    ]);
    expect((await call(DEMO.amy, 'GET', `/v1/history?number=${encodeURIComponent(customer)}`)).body.items).toEqual([]);
    expect((await call(DEMO.terry, 'GET', `/v1/history?number=${encodeURIComponent(customer)}`)).body.items).toHaveLength(2);

    expect((await call(DEMO.jake, 'GET', `/v1/calls?number=${encodeURIComponent(customer)}`)).body.calls).toHaveLength(1);
    expect((await call(DEMO.amy, 'GET', `/v1/calls?number=${encodeURIComponent(customer)}`)).body.calls).toEqual([]);
    expect((await call(DEMO.terry, 'GET', `/v1/calls?number=${encodeURIComponent(customer)}`)).body.calls).toHaveLength(1);

    const digits = customer.slice(-7);
    const suggestions = (await call(DEMO.jake, 'GET', `/v1/contacts/suggest?q=${digits}`)).body.suggestions;
    expect(suggestions).toEqual([{ number: customer, name: null, source: 'recent_call' }]);
    expect((await call(DEMO.jake, 'GET', '/v1/contacts/suggest?q=Linetti')).body.suggestions).toEqual([
      { number: '+15035550160', name: 'Gina Linetti', source: 'phonebook' },
    ]);
  });

  it('rejects bad call records and lookups with 400 naming the field', async () => {
    expect((await recordCall(DEMO.jake, 'call me maybe')).body.error.field).toBe('number');
    expect((await recordCall(DEMO.jake, freshCustomer(), { startedAt: 'yesterday' })).body.error.field).toBe('startedAt');
    expect((await recordCall(DEMO.jake, freshCustomer(), { didNumber: 'main line' })).body.error.field).toBe('didNumber');
    expect((await call(DEMO.jake, 'GET', '/v1/history')).body.error.field).toBe('number');
    expect((await call(DEMO.jake, 'GET', '/v1/contacts/resolve?number=12')).body.error.field).toBe('number');
  });
});
