import { describe, expect, it } from 'vitest';
import { BACKENDS, connectEvents, DEMO, freshCustomer, useTestServer } from './harness';

/*
 * Texts arriving together: the inbound path stores them in shared batches (side by side on
 * PostgreSQL, routing/keyed-batches.ts). Each text still reaches each member once, in its
 * conversation's order, with the unread count the member had once it arrived.
 */
describe.each(BACKENDS)('inbound bursts (%s)', (backend) => {
  const t = useTestServer(backend);

  it('a burst to a ring group: every text once, in order, each frame with its own unread count', async () => {
    const sink = t.server.sink;
    const customers = Array.from({ length: 6 }, () => freshCustomer());
    let n = 0;
    const text = (from: string, body: string, id = `burst-${backend}-${++n}`) =>
      sink.receiveInbound({ carrier: 'loopback', carrierMessageId: id, from, to: DEMO.salesDid, body });
    // First texts start the conversations (the Sales ring group: 202, 203, 204).
    await Promise.all(customers.map((c) => text(c, `${c} 0`)));
    // Amy reads the first customer's conversation; Rosa reads nothing.
    const listed = (await t.call(DEMO.amy, 'GET', '/v1/conversations')).body.conversations as any[];
    const read = listed.find((c) => c.customerNumber === customers[0]);
    expect((await t.call(DEMO.amy, 'POST', `/v1/conversations/${read.id}/read`, {})).status).toBe(200);
    const amy = await connectEvents(t.server.url, await t.as.token(DEMO.amy));
    const rosa = await connectEvents(t.server.url, await t.as.token(DEMO.rosa));
    try {
      const burst = customers.flatMap((c) => [1, 2, 3].map((k) => `${c} ${k}`));
      // Carriers retry: one text of the burst arrives twice, at once.
      const results = await Promise.all([...burst.map((body) => text(body.split(' ')[0]!, body, `burst-${backend}-${body}`)), text(customers[0]!, `${customers[0]} 1`, `burst-${backend}-${customers[0]} 1`)]);
      expect(results.at(-1)!.messageId).toBe(results[0]!.messageId);
      expect(new Set(results.map((r) => r.messageId)).size).toBe(burst.length);

      const frames = await amy.waitFor((c) => {
        const created = c.events.filter((f) => f.event.kind === 'message.created' && burst.includes(f.event.message.body));
        return created.length >= burst.length && created;
      }, 'the burst reaches Amy');
      expect(frames.length).toBe(burst.length);
      for (const c of customers) {
        const mine = frames.filter((f) => f.event.message.from === c);
        expect(mine.map((f) => f.event.message.body)).toEqual([1, 2, 3].map((k) => `${c} ${k}`));
        // The first text was unread (but for Amy in the conversation she read), then each text added one.
        expect(mine.map((f) => f.event.conversation.unreadCount)).toEqual(c === customers[0] ? [1, 2, 3] : [2, 3, 4]);
        const times = mine.map((f) => Date.parse(f.event.message.createdAt));
        expect(times[0]! < times[1]! && times[1]! < times[2]!).toBe(true);
      }
      const rosas = await rosa.waitFor((c) => {
        const created = c.events.filter((f) => f.event.kind === 'message.created' && f.event.message.from === customers[0] && burst.includes(f.event.message.body));
        return created.length >= 3 && created;
      }, "the first customer's burst reaches Rosa");
      expect(rosas.map((f) => f.event.conversation.unreadCount)).toEqual([2, 3, 4]);
      const cursors = amy.events.map((f) => f.cursor);
      expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    } finally {
      await amy.close();
      await rosa.close();
    }
  });
});
