import { describe, expect, it } from 'vitest';
import { BACKENDS, DEMO, freshCustomer, textFromCustomer, until, useTestServer } from './harness';

/*
 * Seed 004 "SMS Chat": the CRM case a conversation is handled in, sent by the extension as
 * conversation metadata when the case pops, and marked ended when the case tab closes.
 */

describe.each(BACKENDS)('conversation case links (%s)', (backend) => {
  const t = useTestServer(backend);
  const call = t.call;
  const link = { crm: 'demo', caseId: '1003', caseUrl: 'http://127.0.0.1:8788/cases/1003', caseTitle: 'SMS conversation', state: 'open' };

  async function jakesConversation(): Promise<string> {
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, 'Hello, my parcel is late');
    const found = await until(
      async () => ((await call(DEMO.jake, 'GET', '/v1/conversations')).body.conversations as any[]).find((c) => c.customerNumber === customer),
      'the conversation',
    );
    return found.id;
  }

  it('stores the case link, replaces it when the link ends, and shows it to whoever sees the conversation', async () => {
    const id = await jakesConversation();
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${id}/case-link`)).body).toEqual({ caseLink: null });

    const put = await call(DEMO.jake, 'PUT', `/v1/conversations/${id}/case-link`, link);
    expect(put.status).toBe(200);
    const jake = (await t.server.db.query<{ id: string }>("SELECT id FROM agents WHERE extension = '201'"))[0]!.id;
    expect(put.body.caseLink).toEqual({ ...link, conversationId: id, agentId: jake, updatedAt: expect.any(String) });

    const ended = await call(DEMO.jake, 'PUT', `/v1/conversations/${id}/case-link`, { ...link, state: 'ended' });
    expect(ended.body.caseLink.state).toBe('ended');
    // A supervisor sees every conversation, and so its case.
    expect((await call(DEMO.terry, 'GET', `/v1/conversations/${id}/case-link`)).body.caseLink).toMatchObject({ caseId: '1003', state: 'ended' });
    const rows = await t.server.db.query('SELECT * FROM conversation_case_links WHERE conversation_id = $1', [id]);
    expect(rows).toHaveLength(1);
  });

  it('rejects bad input naming the field, writes nothing, and hides conversations the agent cannot see', async () => {
    const id = await jakesConversation();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...link, caseUrl: 'javascript:alert(1)' }, 'caseUrl'],
      [{ ...link, caseId: '  ' }, 'caseId'],
      [{ ...link, crm: 'Not A Profile' }, 'crm'],
      [{ ...link, state: 'linked' }, 'state'],
      [{ ...link, caseTitle: 'x'.repeat(501) }, 'caseTitle'],
    ];
    for (const [body, field] of cases) {
      const reply = await call(DEMO.jake, 'PUT', `/v1/conversations/${id}/case-link`, body);
      expect(reply.status, field).toBe(400);
      expect(reply.body.error.field).toBe(field);
    }
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${id}/case-link`)).body).toEqual({ caseLink: null });

    expect((await call(DEMO.amy, 'PUT', `/v1/conversations/${id}/case-link`, link)).status).toBe(404);
    expect((await call(DEMO.amy, 'GET', `/v1/conversations/${id}/case-link`)).status).toBe(404);
    expect((await call(DEMO.jake, 'PUT', '/v1/conversations/no-such-conversation/case-link', link)).status).toBe(404);
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${id}/case-link`)).body).toEqual({ caseLink: null });
  });
});
