import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, connectEvents, DEMO, demoWith, freshCustomer, groupId, phoneOf, textFromCustomer, until, useTestServer, type Who } from './harness';

/*
 * Seed 002 "SMS Queues" and seed 000 "Transfer Handler": per-queue login and pause, claim (one
 * winner), reply, release, transfer, close, the idle and unclaimed timeouts and the lifecycle lines.
 */

const RUSH_DID = '+15035550181';
const RUSH = Array.from({ length: 20 }, (_, i) => ({ extension: String(601 + i), name: `Rusher ${i + 1}`, password: `parley-${601 + i}` }));

describe.each(BACKENDS)('SMS queues (%s)', (backend) => {
  const t = useTestServer(backend, {
      config: demoWith({
        agents: RUSH,
        groups: [{ kind: 'queue', extension: '8100', name: 'Rush Queue', members: RUSH.map((a) => a.extension) }],
        numbers: [{ number: RUSH_DID, channel: 'sms', label: 'Rush', inboundRoute: { type: 'queue', extension: '8100' } }],
      }),
    });
  let support: string;
  let billing: string;
  beforeAll(async () => {
    support = await groupId(t.server.url, await t.as.token(DEMO.jake), '8000');
    billing = await groupId(t.server.url, await t.as.token(DEMO.jake), '8001');
  });

  const call = t.call;
  const control = (who: Who, id: string, action: string, json: unknown = undefined) => call(who, 'POST', `/v1/conversations/${id}/${action}`, json);
  const reply = (who: Who, id: string, body: string) => call(who, 'POST', `/v1/conversations/${id}/messages`, { body, idempotencyKey: `${id}-${body}`.slice(0, 100) });
  const conversation = async (who: Who, id: string) => (await call(who, 'GET', `/v1/conversations/${id}`)).body.conversation;
  const systemLines = async (who: Who, id: string) =>
    ((await call(who, 'GET', `/v1/conversations/${id}/messages?limit=200`)).body.messages as any[]).filter((m) => m.kind === 'system').map((m) => m.body);
  /** A customer texts a queue line; returns the customer and the new waiting conversation's id. */
  const waitingConversation = async (did = DEMO.queueDid, who: Who = DEMO.jake) => {
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, 'Help please', did);
    const found = await until(async () => {
      const list = (await call(who, 'GET', '/v1/conversations?limit=200')).body.conversations as any[];
      return list.find((c) => c.customerNumber === customer && c.state !== 'closed');
    }, 'the queue conversation');
    expect(found.state).toBe('waiting');
    return { customer, id: found.id as string };
  };

  it('of 20 concurrent claims exactly one wins; the others get 409 "claimed by Name (ext)"; one lifecycle line', async () => {
    const { id } = await waitingConversation(RUSH_DID, RUSH[0]!);
    await Promise.all(RUSH.map((who) => t.as.of(who)));
    const answers = await Promise.all(RUSH.map((who) => control(who, id, 'claim')));
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.body.conversation.designatedAgent;
    const losers = answers.filter((a) => a.status !== 200);
    expect(losers.map((l) => l.status)).toEqual(Array(19).fill(409));
    for (const l of losers) expect(l.body.error).toEqual({ code: 'conflict', message: `claimed by ${winner.name} (${winner.extension})` });
    expect(await systemLines(RUSH[0]!, id)).toEqual(['Entered Rush Queue', `Conversation claimed by ${winner.name} (${winner.extension})`]);
    expect(await conversation(RUSH[5]!, id)).toMatchObject({ state: 'assigned', designatedAgent: winner, waitingSince: null });
  });

  it('claiming takes a logged-in, unpaused member; until then nobody may reply', async () => {
    const { id } = await waitingConversation();
    expect((await reply(DEMO.jake, id, 'too early')).status).toBe(403);
    await call(DEMO.wyatt, 'POST', `/v1/groups/${support}/logout`);
    const loggedOut = await control(DEMO.wyatt, id, 'claim');
    expect(loggedOut.status).toBe(403);
    expect(loggedOut.body.error.message).toBe('log in to SMS Support Queue to claim its conversations');
    await call(DEMO.wyatt, 'POST', `/v1/groups/${support}/login`);
    await call(DEMO.wyatt, 'POST', `/v1/groups/${support}/pause`, { reason: 'Coffee' });
    expect((await control(DEMO.wyatt, id, 'claim')).status).toBe(403);
    await call(DEMO.wyatt, 'POST', `/v1/groups/${support}/resume`);
    // The supervisor sees it but is no member; Rosa is neither and does not even see it.
    expect((await control(DEMO.terry, id, 'claim')).status).toBe(403);
    expect((await control(DEMO.rosa, id, 'claim')).status).toBe(404);
    expect((await control(DEMO.wyatt, id, 'claim')).status).toBe(200);
    expect((await control(DEMO.wyatt, id, 'claim')).body.error.message).toBe('claimed by Wyatt Brooks (211)');
  });

  it('the claimer replies and gets the follow-ups; releasing puts it back on the waiting list for the others', async () => {
    const { id, customer } = await waitingConversation();
    const amyEvents = await connectEvents(t.server.url, await t.as.token(DEMO.amy));
    try {
      const claimed = await control(DEMO.jake, id, 'claim');
      expect(claimed.body.conversation).toMatchObject({ state: 'assigned', designatedAgent: { extension: '201' } });
      await amyEvents.waitFor((c) => c.events.some((f) => f.event.kind === 'queue.claimed' && f.event.conversation.id === id && f.event.agent.extension === '201'), 'queue.claimed to the others');

      expect((await reply(DEMO.jake, id, 'Looking into it')).status).toBe(201);
      expect((await reply(DEMO.amy, id, 'me too')).status).toBe(403);
      await until(async () => (await phoneOf(t.server.url, customer)).some((m) => m.body === 'Looking into it'), 'reply on the phone');
      await textFromCustomer(t.server.url, customer, 'Thanks!', DEMO.queueDid);
      await until(async () => (await conversation(DEMO.jake, id)).lastMessagePreview === 'Thanks!', 'follow-up in the same conversation');
      expect((await conversation(DEMO.jake, id)).designatedAgent.extension).toBe('201');

      expect((await control(DEMO.amy, id, 'release')).status).toBe(403);
      const released = await control(DEMO.jake, id, 'release');
      expect(released.body.conversation).toMatchObject({ state: 'waiting', designatedAgent: null });
      expect(released.body.conversation.mentionedAgentId).not.toBe((await t.as.of(DEMO.jake)).id);
      expect((await systemLines(DEMO.jake, id)).at(-1)).toBe('Conversation released back to queue');
      await amyEvents.waitFor((c) => c.events.some((f) => f.event.kind === 'queue.waiting' && f.event.conversation.id === id), 'queue.waiting again');
      expect((await control(DEMO.amy, id, 'claim')).status).toBe(200);
    } finally {
      await amyEvents.close();
    }
  });

  it('a transfer to a group never hands the conversation back to the agent who transferred it, a member of that group too', async () => {
    // Amy is in the SMS Support Queue and in Sales (202, 203, 204, round robin). Sales' last pick is
    // made Charles (a text to its line designates the next member), so round robin would pick Amy next.
    for (let tries = 0; ; tries++) {
      const customer = freshCustomer();
      await textFromCustomer(t.server.url, customer, 'Sales question', DEMO.salesDid);
      const entered = await until(async () => {
        const list = (await call(DEMO.charles, 'GET', '/v1/conversations?limit=200')).body.conversations as any[];
        return list.find((c) => c.customerNumber === customer && c.designatedAgent);
      }, 'the Sales conversation');
      if (entered.designatedAgent.extension === '204') break;
      expect(tries).toBeLessThan(3);
    }
    const { id } = await waitingConversation();
    await control(DEMO.amy, id, 'claim');
    const sales = await groupId(t.server.url, await t.as.token(DEMO.amy), '6000');
    const moved = await control(DEMO.amy, id, 'transfer', { groupId: sales });
    expect(moved.body.conversation).toMatchObject({ state: 'assigned', designatedAgent: { extension: '203' }, group: { name: 'Sales' } });
    expect((await systemLines(DEMO.rosa, id)).slice(-2)).toEqual(['Conversation transferred to Sales', 'Conversation assigned to Rosa Diaz (203)']);
  });

  it('transfer: to an agent, who becomes designated for later texts; to another queue, where it waits; history stays', async () => {
    const { id, customer } = await waitingConversation();
    await control(DEMO.amy, id, 'claim');
    const wyatt = await t.as.of(DEMO.wyatt);
    const wyattEvents = await connectEvents(t.server.url, wyatt.token);
    try {
      expect((await control(DEMO.jake, id, 'transfer', { agentId: wyatt.id })).status).toBe(403);
      expect((await control(DEMO.amy, id, 'transfer', {})).body.error.field).toBe('agentId');
      expect((await control(DEMO.amy, id, 'transfer', { agentId: 'no-such-agent' })).status).toBe(404);
      const moved = await control(DEMO.amy, id, 'transfer', { agentId: wyatt.id });
      expect(moved.status).toBe(200);
      expect(moved.body.conversation.designatedAgent).toMatchObject({ extension: '211', name: 'Wyatt Brooks' });
      await wyattEvents.waitFor(
        (c) => c.events.some((f) => f.event.kind === 'conversation.assigned' && f.event.conversation.id === id && f.event.reason === 'transferred'),
        'the @mention for Wyatt',
      );
      await textFromCustomer(t.server.url, customer, 'Is anyone still there?', DEMO.queueDid);
      await until(async () => (await conversation(DEMO.wyatt, id)).lastMessagePreview === 'Is anyone still there?', 'follow-up');
      expect((await reply(DEMO.amy, id, 'not mine any more')).status).toBe(403);
      expect((await reply(DEMO.wyatt, id, 'Wyatt here')).status).toBe(201);

      const toBilling = await control(DEMO.wyatt, id, 'transfer', { groupId: billing });
      expect(toBilling.body.conversation).toMatchObject({ state: 'waiting', designatedAgent: null, group: { name: 'Billing Queue' } });
      expect((await control(DEMO.charles, id, 'claim')).status).toBe(200);
      expect(await systemLines(DEMO.charles, id)).toEqual([
        'Entered SMS Support Queue',
        'Conversation claimed by Amy Santiago (202)',
        'Conversation transferred to Wyatt Brooks (211)',
        'Conversation transferred to Billing Queue',
        'Conversation claimed by Charles Boyle (204)',
      ]);
      const texts = ((await call(DEMO.charles, 'GET', `/v1/conversations/${id}/messages`)).body.messages as any[]).filter((m) => m.kind === 'text');
      expect(texts.map((m) => m.body)).toEqual(['Help please', 'Is anyone still there?', 'Wyatt here']);
    } finally {
      await wyattEvents.close();
    }
  });

  it("close: replies are refused and the customer's next text starts a new queue conversation", async () => {
    const { id, customer } = await waitingConversation();
    await control(DEMO.jake, id, 'claim');
    expect((await control(DEMO.amy, id, 'close')).status).toBe(403);
    const closed = await control(DEMO.jake, id, 'close');
    expect(closed.body.conversation).toMatchObject({ state: 'closed' });
    expect(closed.body.conversation.closedAt).not.toBeNull();
    expect((await systemLines(DEMO.jake, id)).at(-1)).toBe('Conversation closed by Jake Peralta (201)');
    expect((await reply(DEMO.jake, id, 'one more thing')).status).toBe(409);
    expect((await control(DEMO.jake, id, 'release')).status).toBe(409);

    await textFromCustomer(t.server.url, customer, 'New question', DEMO.queueDid);
    const fresh = await until(async () => {
      const list = (await call(DEMO.jake, 'GET', '/v1/conversations?limit=200')).body.conversations as any[];
      return list.find((c) => c.customerNumber === customer && c.id !== id);
    }, 'a new conversation');
    expect(fresh).toMatchObject({ state: 'waiting', lastMessagePreview: 'New question' });
    expect(await systemLines(DEMO.jake, fresh.id)).toEqual(['Entered SMS Support Queue']);
  });

  it('per-queue login and pause with a reason, independent of the other queues', async () => {
    const wyattEvents = await connectEvents(t.server.url, await t.as.token(DEMO.wyatt));
    try {
      const paused = await call(DEMO.wyatt, 'POST', `/v1/groups/${support}/pause`, { reason: 'Training' });
      expect(paused.body).toEqual({ presence: { loggedIn: true, paused: true, pauseReason: 'Training' } });
      await wyattEvents.waitFor((c) => c.events.some((f) => f.event.kind === 'presence.updated' && f.event.pauseReason === 'Training'), 'presence.updated');
      const groups = (await call(DEMO.wyatt, 'GET', '/v1/groups')).body.groups as any[];
      expect(groups.find((g) => g.id === support).me).toEqual({ loggedIn: true, paused: true, pauseReason: 'Training' });
      expect(groups.find((g) => g.id === billing).me).toEqual({ loggedIn: true, paused: false, pauseReason: null });
      expect(groups.find((g) => g.extension === '6000').me).toBeNull();

      expect((await call(DEMO.wyatt, 'POST', `/v1/groups/${support}/pause`, {})).body.error.field).toBe('reason');
      expect((await call(DEMO.wyatt, 'POST', `/v1/groups/${support}/resume`)).body.presence).toEqual({ loggedIn: true, paused: false, pauseReason: null });
      expect((await call(DEMO.wyatt, 'POST', `/v1/groups/${billing}/logout`)).body.presence.loggedIn).toBe(false);
      expect((await call(DEMO.wyatt, 'GET', '/v1/groups')).body.groups.find((g: any) => g.id === support).me.loggedIn).toBe(true);
      await call(DEMO.wyatt, 'POST', `/v1/groups/${billing}/login`);
      expect((await call(DEMO.rosa, 'POST', `/v1/groups/${support}/login`)).status).toBe(403);
      expect((await call(DEMO.rosa, 'POST', '/v1/groups/no-such-group/login')).status).toBe(404);
    } finally {
      await wyattEvents.close();
    }
  });

  // The clock moves from here on (access tokens are renewed by Sessions).

  it('idle timeout: a claimed conversation without a reply goes back to the queue; a reply stops the timer', async () => {
    const quiet = await waitingConversation();
    const answered = await waitingConversation();
    await control(DEMO.jake, quiet.id, 'claim');
    await control(DEMO.jake, answered.id, 'claim');
    await reply(DEMO.jake, answered.id, 'On it');

    await t.server.advance(299_000);
    expect((await conversation(DEMO.jake, quiet.id)).state).toBe('assigned');
    await t.server.advance(2_000);
    expect(await conversation(DEMO.jake, quiet.id)).toMatchObject({ state: 'waiting', designatedAgent: null });
    expect((await systemLines(DEMO.jake, quiet.id)).at(-1)).toBe('Conversation released back to queue: no reply within 5 min');
    expect(await conversation(DEMO.jake, answered.id)).toMatchObject({ state: 'assigned', designatedAgent: { extension: '201' } });
  });

  it('unclaimed timeout: the automated reply goes out and the conversation closes', async () => {
    const { id, customer } = await waitingConversation();
    await t.server.advance(899_000);
    expect((await conversation(DEMO.jake, id)).state).toBe('waiting');
    await t.server.advance(2_000);
    expect((await conversation(DEMO.jake, id)).state).toBe('closed');
    expect((await systemLines(DEMO.jake, id)).at(-1)).toBe('Conversation closed: not claimed within 15 min');
    await until(async () => (await phoneOf(t.server.url, customer)).length === 2, 'the automated reply');
    expect((await phoneOf(t.server.url, customer))[1]).toMatchObject({
      direction: 'to-customer',
      from: DEMO.queueDid,
      body: 'Thanks for texting Parley Support. Everyone is busy right now; we will text you back as soon as we can.',
    });
  });
});
