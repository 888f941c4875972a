import { describe, expect, it } from 'vitest';
import { addNumber, automatedTexts, conversationOf, messagesOf, setClock } from './automation-harness';
import { BACKENDS, connectEvents, DEMO, demoWith, freshCustomer, phoneOf, textFromCustomer, until, useTestServer } from './harness';

/*
 * Seed 003 "Routing to a Bot": a bot routed to a conversation answers outside working hours only,
 * humans take the conversation during them, an agent can remove the bot for good, and adding
 * someone or joining does not change routing. An agent routed by the rule who left the chat is
 * added back by the customer's next text.
 */

const BOT_REPLY = 'We are closed; an agent texts you back when we open.';
const LINE = '+15035550161';
// Mon-Fri 09:00-17:00 in Los Angeles (PST, UTC-8, on these dates).
const MON_2000 = '2026-01-13T04:00:00Z'; // Mon 12 Jan 20:00 PST
const TUE_0900 = '2026-01-13T17:00:30Z'; // Tue 13 Jan 09:00:30 PST
const TUE_2000 = '2026-01-14T04:00:00Z'; // Tue 13 Jan 20:00 PST
const WED_2100 = '2026-01-15T05:00:00Z'; // Wed 14 Jan 21:00 PST

describe.each(BACKENDS)('bots and working hours (%s)', (backend) => {
  const t = useTestServer(backend, { config: demoWith({ bots: [{ name: 'Night Owl', reply: BOT_REPLY }] }) });
  const call = t.call;
  let line: string | undefined;
  const afterHoursLine = async () =>
    (line ??= (
      await addNumber(call, DEMO.holt, {
        number: LINE,
        inboundRoute: { type: 'queue', extension: '8000' },
        senders: ['201', '202', '211'],
        workingHours: { timeZone: 'America/Los_Angeles', rules: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] },
        outOfHoursRoute: { type: 'bot', bot: 'Night Owl' },
      })
    ).number);
  /** A customer texts the line at 09:00 and Jake claims the conversation from the queue. */
  const claimedByJakeInTheDay = async () => {
    await afterHoursLine();
    const customer = freshCustomer();
    setClock(t.server, TUE_0900);
    await textFromCustomer(t.server.url, customer, 'Morning question', LINE);
    const conversation = (await conversationOf(call, DEMO.terry, customer, LINE))!;
    expect((await call(DEMO.jake, 'POST', `/v1/conversations/${conversation.id}/claim`)).status).toBe(200);
    return { customer, conversation };
  };

  it('answers out of hours only: at 09:00 the same conversation goes to the queue and the bot is silent; joining and adding a colleague leave it answering at night', async () => {
    await afterHoursLine();
    const customer = freshCustomer();
    setClock(t.server, MON_2000);
    await textFromCustomer(t.server.url, customer, 'Is anyone there?', LINE);
    const night = (await conversationOf(call, DEMO.terry, customer, LINE))!;
    expect(night).toMatchObject({ state: 'open', group: null, participants: [] });
    expect(automatedTexts(await messagesOf(call, DEMO.terry, night.id))).toEqual([BOT_REPLY]);
    await until(async () => (await phoneOf(t.server.url, customer)).some((m) => m.direction === 'to-customer' && m.body === BOT_REPLY), 'bot reply on the phone');
    expect((await call(DEMO.terry, 'GET', `/v1/conversations/${night.id}/bots`)).body.bots).toEqual([expect.objectContaining({ name: 'Night Owl', routed: true })]);

    setClock(t.server, TUE_0900);
    const jake = await connectEvents(t.server.url, await t.as.token(DEMO.jake));
    await textFromCustomer(t.server.url, customer, 'Good morning, my order is late', LINE);
    const morning = (await conversationOf(call, DEMO.terry, customer, LINE))!;
    expect(morning.id).toBe(night.id);
    expect(morning).toMatchObject({ state: 'waiting', group: { extension: '8000' } });
    expect(automatedTexts(await messagesOf(call, DEMO.terry, night.id))).toEqual([BOT_REPLY]);
    await jake.waitFor((c) => c.events.some((e) => e.event.kind === 'message.created' && e.event.message.body === 'Good morning, my order is late'), 'the text reaches a queue member');
    await jake.close();
    // The bot stays in the chat, silent.
    expect((await call(DEMO.terry, 'GET', `/v1/conversations/${night.id}/bots`)).body.bots).toHaveLength(1);

    expect((await call(DEMO.jake, 'POST', `/v1/conversations/${night.id}/claim`)).status).toBe(200);
    expect((await call(DEMO.jake, 'POST', `/v1/conversations/${night.id}/participants`, { extensions: ['204'] })).status).toBe(200);
    setClock(t.server, TUE_2000);
    await textFromCustomer(t.server.url, customer, 'Still waiting...', LINE);
    const evening = (await conversationOf(call, DEMO.terry, customer, LINE))!;
    expect(evening).toMatchObject({ id: night.id, state: 'assigned', designatedAgent: { extension: '201' } });
    expect(automatedTexts(await messagesOf(call, DEMO.terry, night.id))).toEqual([BOT_REPLY, BOT_REPLY]);
  });

  it('stamps every message of a conversation after the one before it, though the clock stands still', async () => {
    // Clients order a thread by time: the bot's answer and a burst of texts stored in one
    // millisecond would tie and show in random order.
    await afterHoursLine();
    const customer = freshCustomer();
    setClock(t.server, WED_2100);
    await textFromCustomer(t.server.url, customer, 'Hello?', LINE);
    const conversation = (await conversationOf(call, DEMO.terry, customer, LINE))!;
    await until(async () => automatedTexts(await messagesOf(call, DEMO.terry, conversation.id)).length === 1, 'the bot answers');
    await Promise.all(['one', 'two', 'three'].map((word) => textFromCustomer(t.server.url, customer, `burst ${word}`, LINE)));
    await until(async () => (await messagesOf(call, DEMO.terry, conversation.id)).length >= 5, 'the burst is stored');
    const times = (await messagesOf(call, DEMO.terry, conversation.id)).map((m) => Date.parse(m.createdAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse(WED_2100));
  });

  it('stays inactive once an agent removed it, at night too', async () => {
    await afterHoursLine();
    const customer = freshCustomer();
    setClock(t.server, MON_2000);
    await textFromCustomer(t.server.url, customer, 'Hello?', LINE);
    const conversation = (await conversationOf(call, DEMO.terry, customer, LINE))!;
    const bot = (await call(DEMO.terry, 'GET', `/v1/conversations/${conversation.id}/bots`)).body.bots[0];

    // Only someone who sees the conversation may remove it; a bot not in it is a 404.
    expect((await call(DEMO.jake, 'DELETE', `/v1/conversations/${conversation.id}/bots/${bot.id}`)).status).toBe(404);
    const removed = await call(DEMO.terry, 'DELETE', `/v1/conversations/${conversation.id}/bots/${bot.id}`);
    expect(removed).toMatchObject({ status: 200, body: { bots: [] } });
    expect((await call(DEMO.terry, 'DELETE', `/v1/conversations/${conversation.id}/bots/${bot.id}`)).status).toBe(404);

    await textFromCustomer(t.server.url, customer, 'Hello again?', LINE);
    setClock(t.server, WED_2100);
    await textFromCustomer(t.server.url, customer, 'Anybody?', LINE);
    expect(automatedTexts(await messagesOf(call, DEMO.terry, conversation.id))).toEqual([BOT_REPLY]);
    expect((await call(DEMO.terry, 'GET', `/v1/conversations/${conversation.id}/bots`)).body.bots).toEqual([]);
  });

  it('joins a conversation agents handled during the day when the customer texts after hours, unless an agent removed it', async () => {
    const { customer, conversation } = await claimedByJakeInTheDay();
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${conversation.id}/bots`)).body.bots).toEqual([]);

    setClock(t.server, TUE_2000);
    await textFromCustomer(t.server.url, customer, 'Evening follow-up', LINE);
    expect(automatedTexts(await messagesOf(call, DEMO.terry, conversation.id))).toEqual([BOT_REPLY]);
    const [bot] = (await call(DEMO.jake, 'GET', `/v1/conversations/${conversation.id}/bots`)).body.bots;
    expect(bot).toMatchObject({ name: 'Night Owl', routed: true });
    expect((await conversationOf(call, DEMO.terry, customer, LINE))!).toMatchObject({ state: 'assigned', designatedAgent: { extension: '201' } });

    expect((await call(DEMO.jake, 'DELETE', `/v1/conversations/${conversation.id}/bots/${bot.id}`)).status).toBe(200);
    setClock(t.server, WED_2100);
    await textFromCustomer(t.server.url, customer, 'Late night follow-up', LINE);
    expect(automatedTexts(await messagesOf(call, DEMO.terry, conversation.id))).toEqual([BOT_REPLY]);
  });

  it('writes who removed the bot as a system line, sent to the members like the other lifecycle lines', async () => {
    const { customer, conversation } = await claimedByJakeInTheDay();
    setClock(t.server, TUE_2000);
    await textFromCustomer(t.server.url, customer, 'Evening follow-up', LINE);
    const [bot] = (await call(DEMO.jake, 'GET', `/v1/conversations/${conversation.id}/bots`)).body.bots;

    const jake = await connectEvents(t.server.url, await t.as.token(DEMO.jake));
    expect((await call(DEMO.jake, 'DELETE', `/v1/conversations/${conversation.id}/bots/${bot.id}`)).status).toBe(200);
    const line = 'Bot Night Owl removed by Jake Peralta (201)';
    const event = await jake.waitFor(
      (c) => c.events.find((e) => e.event.kind === 'message.created' && e.event.message.body === line),
      'the removal line reaches the member',
    );
    await jake.close();
    expect(event.event.message).toMatchObject({
      kind: 'system',
      direction: 'inbound',
      systemEvent: { type: 'bot.removed', bot: { id: bot.id, name: 'Night Owl' }, by: { extension: '201', name: 'Jake Peralta' } },
    });
    const system = (await messagesOf(call, DEMO.terry, conversation.id)).filter((m) => m.kind === 'system').map((m) => m.body);
    expect(system.filter((body) => body === line)).toHaveLength(1);

    // A refused removal (the bot is gone already) writes nothing.
    expect((await call(DEMO.jake, 'DELETE', `/v1/conversations/${conversation.id}/bots/${bot.id}`)).status).toBe(404);
    expect((await messagesOf(call, DEMO.terry, conversation.id)).filter((m) => m.body === line)).toHaveLength(1);
  });

  it('a number routed to an agent adds the agent back when the customer texts after the agent left', async () => {
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, 'Hi Jake', DEMO.did);
    const conversation = (await conversationOf(call, DEMO.terry, customer, DEMO.did))!;
    expect(conversation.participants).toEqual([expect.objectContaining({ extension: '201' })]);

    const jake = await connectEvents(t.server.url, await t.as.token(DEMO.jake));
    expect((await call(DEMO.jake, 'POST', `/v1/conversations/${conversation.id}/leave`)).status).toBe(204);
    await jake.waitFor((c) => c.events.some((e) => e.event.kind === 'conversation.removed' && e.event.conversationId === conversation.id), 'removed');
    expect((await conversationOf(call, DEMO.terry, customer, DEMO.did))!.participants).toEqual([]);
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${conversation.id}`)).status).toBe(404);

    await textFromCustomer(t.server.url, customer, 'Are you still there?', DEMO.did);
    const back = await jake.waitFor(
      (c) => c.events.find((e) => e.event.kind === 'message.created' && e.event.message.body === 'Are you still there?'),
      'the next text reaches Jake',
    );
    expect(back.event.conversation.participants).toEqual([expect.objectContaining({ extension: '201' })]);
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${conversation.id}`)).status).toBe(200);
    await jake.close();
  });
});
