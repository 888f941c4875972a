import { describe, expect, it } from 'vitest';
import { addNumber, automatedTexts, conversationOf, messagesOf, setClock } from './automation-harness';
import { BACKENDS, connectEvents, DEMO, demoWith, freshCustomer, textFromCustomer, useTestServer } from './harness';

/*
 * Seed 003 Actions: up to three conditions (no reply, not read, no activity; 5 s .. 1 day) and one
 * task (send a message as a bot, add members), "once per conversation", no conditions -> after
 * every text. Timers run on the test clock: advance() moves it and runs what became due.
 */

const NOTICE = 'All agents are currently unavailable, we will get back to you later.';

describe.each(BACKENDS)('actions (%s)', (backend) => {
  const t = useTestServer(backend, { config: demoWith({ bots: [{ name: 'Notifier', reply: 'unused fixed reply' }] }) });
  const call = t.call;
  let lines = 0;
  /** A number routed to Jake (201) with these actions. */
  const lineWith = async (actions: unknown[]) => {
    lines += 1;
    return (await addNumber(call, DEMO.holt, { number: `+150355502${String(lines).padStart(2, '0')}`, inboundRoute: { type: 'agent', extension: '201' }, actions })).number as string;
  };
  const sendNotice = (conditions: unknown[], more: Record<string, unknown> = {}) => ({ conditions, task: { type: 'send_message', bot: 'Notifier', message: NOTICE }, ...more });
  const start = async (line: string, body = 'Hello') => {
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, body, line);
    const conversation = (await conversationOf(call, DEMO.terry, customer, line))!;
    return { customer, id: conversation.id as string };
  };
  const notices = async (id: string) => automatedTexts(await messagesOf(call, DEMO.terry, id)).filter((b) => b === NOTICE).length;
  const reply = (id: string, body: string) => call(DEMO.jake, 'POST', `/v1/conversations/${id}/messages`, { body, idempotencyKey: `${id}-${body}`.slice(0, 100) });

  it('without conditions runs after every customer text; once per conversation runs after the first only', async () => {
    const every = await lineWith([sendNotice([])]);
    const c = await start(every);
    expect(await notices(c.id)).toBe(1);
    await textFromCustomer(t.server.url, c.customer, 'And another thing', every);
    expect(await notices(c.id)).toBe(2);
    // The agent's reply is not a customer text.
    expect((await reply(c.id, 'On it')).status).toBe(201);
    expect(await notices(c.id)).toBe(2);

    const once = await lineWith([sendNotice([], { oncePerConversation: true })]);
    const d = await start(once);
    await textFromCustomer(t.server.url, d.customer, 'Second', once);
    await textFromCustomer(t.server.url, d.customer, 'Third', once);
    expect(await notices(d.id)).toBe(1);
  });

  it('no reply: runs when no agent answered within the window, not when one did', async () => {
    const line = await lineWith([sendNotice([{ type: 'no_reply', seconds: 60 }])]);
    const silent = await start(line);
    await t.server.advance(59_000);
    expect(await notices(silent.id)).toBe(0);
    await t.server.advance(1_000);
    expect(await notices(silent.id)).toBe(1);
    // Disarmed until the customer's next text; not repeated by the clock alone.
    await t.server.advance(120_000);
    expect(await notices(silent.id)).toBe(1);
    await textFromCustomer(t.server.url, silent.customer, 'Hello??', line);
    await t.server.advance(60_000);
    expect(await notices(silent.id)).toBe(2);

    const answered = await start(line);
    await t.server.advance(30_000);
    expect((await reply(answered.id, 'Hi, Jake here')).status).toBe(201);
    await t.server.advance(60_000);
    expect(await notices(answered.id)).toBe(0);
  });

  it('not read: runs when no member read the text within the window, not when one did', async () => {
    const line = await lineWith([sendNotice([{ type: 'not_read', seconds: 30 }])]);
    const unread = await start(line);
    await t.server.advance(30_000);
    expect(await notices(unread.id)).toBe(1);

    const read = await start(line);
    await t.server.advance(10_000);
    expect((await call(DEMO.jake, 'POST', `/v1/conversations/${read.id}/read`, {})).status).toBe(200);
    await t.server.advance(30_000);
    expect(await notices(read.id)).toBe(0);
  });

  it('no activity: a customer text inside the window moves it; an agent text cancels it', async () => {
    const line = await lineWith([sendNotice([{ type: 'no_activity', seconds: 120 }])]);
    const c = await start(line);
    await t.server.advance(100_000);
    await textFromCustomer(t.server.url, c.customer, 'Anyone?', line);
    await t.server.advance(20_000);
    expect(await notices(c.id)).toBe(0);
    await t.server.advance(99_000);
    expect(await notices(c.id)).toBe(0);
    await t.server.advance(1_000);
    expect(await notices(c.id)).toBe(1);

    const d = await start(line);
    await t.server.advance(60_000);
    expect((await reply(d.id, 'Looking into it')).status).toBe(201);
    await t.server.advance(120_000);
    expect(await notices(d.id)).toBe(0);
  });

  it('several conditions must all hold, each over its own window', async () => {
    const line = await lineWith([sendNotice([{ type: 'not_read', seconds: 40 }, { type: 'no_reply', seconds: 10 }])]);
    const both = await start(line);
    await t.server.advance(10_000);
    expect(await notices(both.id)).toBe(0);
    await t.server.advance(30_000);
    expect(await notices(both.id)).toBe(1);

    // Read after the no-reply window closed but within the not-read one: no action.
    const readLate = await start(line);
    await t.server.advance(20_000);
    expect((await call(DEMO.jake, 'POST', `/v1/conversations/${readLate.id}/read`, {})).status).toBe(200);
    await t.server.advance(20_000);
    expect(await notices(readLate.id)).toBe(0);
  });

  it('runs each time its conditions are met, or once per conversation with the option', async () => {
    const repeat = await lineWith([sendNotice([{ type: 'no_reply', seconds: 5 }])]);
    const once = await lineWith([sendNotice([{ type: 'no_reply', seconds: 5 }], { oncePerConversation: true })]);
    const a = await start(repeat);
    const b = await start(once);
    for (const body of ['again', 'and again']) {
      await t.server.advance(5_000);
      await textFromCustomer(t.server.url, a.customer, body, repeat);
      await textFromCustomer(t.server.url, b.customer, body, once);
    }
    await t.server.advance(5_000);
    expect(await notices(a.id)).toBe(3);
    expect(await notices(b.id)).toBe(1);
  });

  it('add members: the agents join without a system line and the conversation appears for them', async () => {
    const line = await lineWith([{ conditions: [{ type: 'no_reply', seconds: 300 }], task: { type: 'add_members', extensions: ['202', '300'] } }]);
    const c = await start(line);
    const amy = await connectEvents(t.server.url, await t.as.token(DEMO.amy));
    const before = (await messagesOf(call, DEMO.terry, c.id)).length;
    await t.server.advance(300_000);
    const update = await amy.waitFor((x) => x.events.find((e) => e.event.kind === 'conversation.updated' && e.event.conversation.id === c.id), 'Amy learns of the conversation');
    expect(update.event.conversation.participants.map((p: any) => p.extension)).toEqual(['201', '202', '300']);
    await amy.close();
    const messages = await messagesOf(call, DEMO.amy, c.id);
    expect(messages).toHaveLength(before);
    expect(messages.some((m) => m.kind === 'system')).toBe(false);
  });

  it('a bot removed by an agent is added back to keep executing its action, and the action runs as a bot deleted from the bot list', async () => {
    expect((await call(DEMO.holt, 'POST', '/v1/admin/bots', { name: 'Short-lived', reply: 'x' })).status).toBe(201);
    const line = await lineWith([{ conditions: [{ type: 'no_reply', seconds: 5 }], task: { type: 'send_message', bot: 'Short-lived', message: NOTICE } }]);
    const c = await start(line);
    await t.server.advance(5_000);
    expect(await notices(c.id)).toBe(1);
    const [bot] = (await call(DEMO.jake, 'GET', `/v1/conversations/${c.id}/bots`)).body.bots;
    expect(bot).toMatchObject({ name: 'Short-lived', routed: false });
    expect((await call(DEMO.jake, 'DELETE', `/v1/conversations/${c.id}/bots/${bot.id}`)).body.bots).toEqual([]);

    const bots = (await call(DEMO.holt, 'GET', '/v1/admin/bots')).body.bots as { id: string; name: string }[];
    expect((await call(DEMO.holt, 'DELETE', `/v1/admin/bots/${bots.find((b) => b.name === 'Short-lived')!.id}`)).status).toBe(204);

    await textFromCustomer(t.server.url, c.customer, 'Hello?', line);
    await t.server.advance(5_000);
    expect(await notices(c.id)).toBe(2);
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${c.id}/bots`)).body.bots).toEqual([expect.objectContaining({ id: bot.id, routed: false })]);
  });

  it('hours: an out-of-hours action applies to texts outside working hours only, a working-hours one inside them', async () => {
    lines += 1;
    const line = `+150355502${String(lines).padStart(2, '0')}`;
    await addNumber(call, DEMO.holt, {
      number: line,
      inboundRoute: { type: 'agent', extension: '201' },
      workingHours: { timeZone: 'Europe/Berlin', rules: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] },
      actions: [
        { hours: 'out_of_hours', task: { type: 'send_message', bot: 'Notifier', message: 'We are closed.' } },
        { hours: 'working_hours', task: { type: 'send_message', bot: 'Notifier', message: 'An agent will be with you shortly.' } },
      ],
    });
    setClock(t.server, '2026-02-02T10:00:00Z'); // Mon 11:00 CET
    const day = await start(line);
    setClock(t.server, '2026-02-02T20:00:00Z'); // Mon 21:00 CET
    const night = await start(line);
    expect(automatedTexts(await messagesOf(call, DEMO.terry, day.id))).toEqual(['An agent will be with you shortly.']);
    expect(automatedTexts(await messagesOf(call, DEMO.terry, night.id))).toEqual(['We are closed.']);
  });

  it('rejects bad actions with 400 naming the field and stores nothing', async () => {
    const count = async () => Number((await t.server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM number_automation'))[0]!.n);
    const before = await count();
    const base = { number: '+15035550299', channel: 'sms', inboundRoute: { type: 'agent', extension: '201' } };
    const task = { type: 'send_message', bot: 'Notifier', message: NOTICE };
    const cases: [unknown, string][] = [
      [{ ...base, actions: [{ conditions: [{ type: 'no_reply', seconds: 4 }], task }] }, 'actions.0.conditions.0.seconds'],
      [{ ...base, actions: [{ conditions: [{ type: 'no_reply', seconds: 86_401 }], task }] }, 'actions.0.conditions.0.seconds'],
      [{ ...base, actions: [{ conditions: [{ type: 'no_reply', seconds: 1.5 }], task }] }, 'actions.0.conditions.0.seconds'],
      [{ ...base, actions: [{ conditions: [{ type: 'no_answer', seconds: 60 }], task }] }, 'actions.0.conditions.0.type'],
      [{ ...base, actions: [{ conditions: Array.from({ length: 4 }, () => ({ type: 'no_reply', seconds: 60 })), task }] }, 'actions.0.conditions'],
      [{ ...base, actions: [{ task: { ...task, bot: 'Nobody' } }] }, 'actions.0.task.bot'],
      [{ ...base, actions: [{ task: { type: 'add_members', extensions: ['202', '999'] } }] }, 'actions.0.task.extensions.1'],
      [{ ...base, actions: [{ task: { type: 'add_members', extensions: [] } }] }, 'actions.0.task.extensions'],
      [{ ...base, actions: [{ task: { type: 'reboot' } }] }, 'actions.0.task.type'],
      [{ ...base, actions: [{ task, hours: 'out_of_hours' }] }, 'actions.0.hours'],
    ];
    for (const [body, field] of cases) {
      const res = await call(DEMO.holt, 'POST', '/v1/admin/numbers', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await call(DEMO.holt, 'GET', '/v1/admin/numbers')).body.numbers.some((n: any) => n.number === base.number)).toBe(false);
    expect(await count()).toBe(before);

    const ok = await call(DEMO.holt, 'POST', '/v1/admin/numbers', {
      ...base,
      actions: [
        { conditions: [{ type: 'no_reply', seconds: 5 }, { type: 'not_read', seconds: 86_400 }, { type: 'no_activity', seconds: 600 }], task },
        { task: { type: 'add_members', extensions: ['202'] }, oncePerConversation: true },
      ],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.number.actions).toEqual([
      { id: expect.any(String), hours: 'always', oncePerConversation: false, conditions: [{ type: 'no_reply', seconds: 5 }, { type: 'not_read', seconds: 86_400 }, { type: 'no_activity', seconds: 600 }], task },
      { id: expect.any(String), hours: 'always', oncePerConversation: true, conditions: [], task: { type: 'add_members', extensions: ['202'] } },
    ]);
  });
});
