import { describe, expect, it } from 'vitest';
import { conversationOf, setClock } from './automation-harness';
import { BACKENDS, DEMO, demoWith, freshCustomer, http, textFromCustomer, useTestServer } from './harness';
import { loadConfig } from '../src/config/load';
import { PbxConfigSchema } from '../src/config/schema';

/*
 * Working hours wired through real inbound routing: each case texts a number at an instant (the
 * test clock set there) and checks where the new conversation went. Time zones on both sides of
 * their DST changes: Los Angeles (8 Mar and 1 Nov 2026), Berlin (29 Mar 2026), Tokyo (no DST,
 * an overnight rule).
 */

const LA = '+15035550281';
const BERLIN = '+15035550282';
const TOKYO = '+15035550283';
const NO_OUT_ROUTE = '+15035550284';
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

const config = demoWith({
  bots: [{ name: 'Night Owl', reply: 'We are closed.' }],
  numbers: [
    {
      number: LA,
      channel: 'sms',
      inboundRoute: { type: 'queue', extension: '8000' },
      workingHours: { timeZone: 'America/Los_Angeles', rules: [{ days: weekdays, from: '09:00', to: '17:00' }] },
      outOfHoursRoute: { type: 'bot', bot: 'Night Owl' },
    },
    {
      number: BERLIN,
      channel: 'sms',
      inboundRoute: { type: 'agent', extension: '201' },
      workingHours: { timeZone: 'Europe/Berlin', rules: [{ days: [...weekdays, 'sat'], from: '08:00', to: '18:00' }] },
      outOfHoursRoute: { type: 'ring_group', extension: '6000' },
    },
    {
      number: TOKYO,
      channel: 'sms',
      inboundRoute: { type: 'agent', extension: '202' },
      workingHours: { timeZone: 'Asia/Tokyo', rules: [{ days: ['fri'], from: '22:00', to: '06:00' }] },
      outOfHoursRoute: { type: 'bot', bot: 'Night Owl' },
    },
    {
      number: NO_OUT_ROUTE,
      channel: 'sms',
      inboundRoute: { type: 'agent', extension: '203' },
      workingHours: { timeZone: 'America/Los_Angeles', rules: [{ days: weekdays, from: '09:00', to: '17:00' }] },
    },
  ],
});

// [number, instant, where the conversation goes, what the instant is locally]
const MATRIX: [string, string, string, string][] = [
  [LA, '2026-03-02T16:30:00Z', 'bot Night Owl', 'Mon 08:30 PST'],
  [LA, '2026-03-09T16:30:00Z', 'group 8000', 'Mon 09:30 PDT, the first weekday after spring forward'],
  [LA, '2026-03-09T23:59:00Z', 'group 8000', 'Mon 16:59 PDT'],
  [LA, '2026-03-10T00:00:30Z', 'bot Night Owl', 'Mon 17:00 PDT'],
  [LA, '2026-03-14T19:00:00Z', 'bot Night Owl', 'Sat 12:00 PDT'],
  [LA, '2026-10-30T16:00:30Z', 'group 8000', 'Fri 09:00 PDT'],
  [LA, '2026-11-02T16:30:00Z', 'bot Night Owl', 'Mon 08:30 PST, the first weekday after fall back'],
  [LA, '2026-11-02T17:00:30Z', 'group 8000', 'Mon 09:00 PST'],
  [BERLIN, '2026-03-28T06:30:00Z', 'group 6000', 'Sat 07:30 CET'],
  [BERLIN, '2026-03-28T07:30:00Z', 'agent 201', 'Sat 08:30 CET'],
  [BERLIN, '2026-03-29T07:30:00Z', 'group 6000', 'Sun 09:30 CEST, the change day'],
  [BERLIN, '2026-03-30T06:30:00Z', 'agent 201', 'Mon 08:30 CEST (07:30 in CET)'],
  [BERLIN, '2026-03-30T16:30:00Z', 'group 6000', 'Mon 18:30 CEST'],
  [TOKYO, '2026-03-06T13:30:00Z', 'agent 202', 'Fri 22:30 JST'],
  [TOKYO, '2026-03-06T20:30:00Z', 'agent 202', 'Sat 05:30 JST, the overnight rule of Friday'],
  [TOKYO, '2026-03-06T21:30:00Z', 'bot Night Owl', 'Sat 06:30 JST'],
  [TOKYO, '2026-03-05T20:30:00Z', 'bot Night Owl', 'Fri 05:30 JST, the morning after an unlisted Thursday'],
  [NO_OUT_ROUTE, '2026-03-14T19:00:00Z', 'agent 203', 'Sat 12:00 PDT, no out-of-hours route: the inbound route'],
];

describe.each(BACKENDS)('working hours in inbound routing (%s)', (backend) => {
  const t = useTestServer(backend, { config });
  const call = t.call;

  async function routedTo(customer: string, did: string): Promise<string> {
    const conversation = await conversationOf(call, DEMO.terry, customer, did);
    const bots = (await call(DEMO.terry, 'GET', `/v1/conversations/${conversation.id}/bots`)).body.bots as { name: string; routed: boolean }[];
    if (bots.some((b) => b.routed)) return `bot ${bots.map((b) => b.name).join(',')}`;
    if (conversation.group) return `group ${conversation.group.extension}`;
    return `agent ${conversation.participants.map((p: any) => p.extension).join(',')}`;
  }

  it('routes each text by the rules of its number in its time zone, across DST changes', async () => {
    const seen: string[] = [];
    for (const [did, instant, , local] of MATRIX) {
      setClock(t.server, instant);
      const customer = freshCustomer();
      await textFromCustomer(t.server.url, customer, `texted ${local}`, did);
      seen.push(`${did} ${instant} -> ${await routedTo(customer, did)}`);
    }
    expect(seen).toEqual(MATRIX.map(([did, instant, expected]) => `${did} ${instant} -> ${expected}`));
  });

  it('admin API: working hours and the out-of-hours route are validated (400 naming the field, nothing written), shown, and used from the next text', async () => {
    const admin = (method: string, path: string, json?: unknown) => call(DEMO.holt, method, path, json);
    const path = `/v1/admin/numbers/${encodeURIComponent(NO_OUT_ROUTE)}`;
    const listed = async () => ((await admin('GET', '/v1/admin/numbers')).body.numbers as any[]).find((n) => n.number === NO_OUT_ROUTE);
    const before = await listed();
    const base = { channel: 'sms', inboundRoute: { type: 'agent', extension: '203' } };
    const hours = { timeZone: 'America/Los_Angeles', rules: [{ days: weekdays, from: '09:00', to: '17:00' }] };
    const cases: [unknown, string][] = [
      [{ ...base, workingHours: { ...hours, timeZone: 'Mars/Olympus_Mons' } }, 'workingHours.timeZone'],
      [{ ...base, workingHours: { ...hours, rules: [] } }, 'workingHours.rules'],
      [{ ...base, workingHours: { ...hours, rules: [{ days: weekdays, from: '9:00', to: '17:00' }] } }, 'workingHours.rules.0.from'],
      [{ ...base, workingHours: { ...hours, rules: [{ days: ['funday'], from: '09:00', to: '17:00' }] } }, 'workingHours.rules.0.days.0'],
      [{ ...base, workingHours: { ...hours, rules: [{ days: weekdays, from: '09:00', to: '09:00' }] } }, 'workingHours.rules.0.to'],
      [{ ...base, outOfHoursRoute: { type: 'bot', bot: 'Night Owl' } }, 'outOfHoursRoute'],
      [{ ...base, workingHours: hours, outOfHoursRoute: { type: 'bot', bot: 'Nobody' } }, 'outOfHoursRoute.bot'],
      [{ ...base, workingHours: hours, outOfHoursRoute: { type: 'queue', extension: '6000' } }, 'outOfHoursRoute.extension'],
    ];
    for (const [body, field] of cases) {
      const res = await admin('PUT', path, body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await listed()).toEqual(before);

    const saved = await admin('PUT', path, { ...base, workingHours: { ...hours, timeZone: 'america/los_angeles' }, outOfHoursRoute: { type: 'bot', bot: 'Night Owl' } });
    expect(saved.status).toBe(200);
    expect(saved.body.number).toMatchObject({
      workingHours: { timeZone: 'America/Los_Angeles', rules: [{ days: weekdays, from: '09:00', to: '17:00' }] },
      outOfHoursRoute: { type: 'bot', bot: 'Night Owl', name: 'Night Owl' },
      actions: [],
    });
    setClock(t.server, '2026-03-14T19:00:00Z');
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, 'Saturday question', NO_OUT_ROUTE);
    expect(await routedTo(customer, NO_OUT_ROUTE)).toBe('bot Night Owl');
  });

  it('publishes the settings and the conversation bot routes in /openapi.json', async () => {
    const doc = (await http(t.server.url, 'GET', '/openapi.json')).body;
    expect(Object.keys(doc.components.schemas.AdminNumber.properties)).toEqual(expect.arrayContaining(['workingHours', 'outOfHoursRoute', 'actions']));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/conversations/{id}/bots', '/v1/conversations/{id}/bots/{botId}']));
    const create = doc.paths['/v1/admin/numbers'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['workingHours', 'outOfHoursRoute', 'actions']));
  });
});

describe('working hours in the config file', () => {
  const number = { number: '+15035550285', channel: 'sms', inboundRoute: { type: 'agent', extension: '201' } };
  const parse = (n: unknown) => PbxConfigSchema.safeParse({ numbers: [n] });
  const firstPath = (n: unknown) => {
    const result = parse(n);
    return result.success ? null : result.error.issues[0]!.path.join('.');
  };

  it('demo.json gives the business-hours support line a schedule, a bot out of hours and actions', () => {
    const line = loadConfig().numbers.find((n) => n.number === '+15035550118')!;
    expect(line.workingHours).toEqual({ timeZone: 'America/Los_Angeles', rules: [{ days: weekdays, from: '09:00', to: '17:00' }] });
    expect(line.outOfHoursRoute).toEqual({ type: 'bot', bot: 'Support After Hours' });
    expect(line.actions.length).toBeGreaterThan(0);
  });

  it('names the offending path', () => {
    expect(firstPath({ ...number, outOfHoursRoute: { type: 'bot', bot: 'Night Owl' } })).toBe('numbers.0.outOfHoursRoute');
    expect(firstPath({ ...number, workingHours: { timeZone: 'Nowhere/Land', rules: [{ days: ['mon'], from: '09:00', to: '17:00' }] } })).toBe('numbers.0.workingHours.timeZone');
    expect(firstPath({ ...number, actions: [{ conditions: [{ type: 'not_read', seconds: 0 }], task: { type: 'add_members', extensions: ['201'] } }] })).toBe(
      'numbers.0.actions.0.conditions.0.seconds',
    );
    expect(parse(number).success).toBe(true);
  });
});
