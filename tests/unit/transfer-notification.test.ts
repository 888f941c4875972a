import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type ParleyDb } from '../../utils/db/database';
import type { Conversation } from '../../utils/model/conversation';
import type { Message } from '../../utils/model/message';
import { Notifier } from '../../utils/notify/notifier';
import { openTransferred, transferNotification, transferNotificationId } from '../../utils/notify/transfer-notification';
import type { PbxEvent } from '../../utils/pbx/connector';
import { notificationRulesItem } from '../../utils/settings';
import { SyncEngine } from '../../utils/sync/engine';
import { conversation, message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

const jake = { id: 'a201', extension: '201', name: 'Jake Peralta' };
const amy = { id: 'a202', extension: '202', name: 'Amy Santiago' };
const rosa = { id: 'a203', extension: '203', name: 'Rosa Diaz' };
const queue = { id: 'g8000', kind: 'queue' as const, extension: '8000', name: 'SMS Support Queue' };
const billing = { id: 'g8001', kind: 'queue' as const, extension: '8001', name: 'Billing Queue' };
const sales = { id: 'g6000', kind: 'ring_group' as const, extension: '6000', name: 'Sales' };

let db: ParleyDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  db = openDb(`transfer-${++n}`);
});
afterEach(() => db.delete());

/** The line the PBX writes when `by` transfers the conversation to `to`, as both members receive it. */
function transferLine(id: string, to = amy, by = jake, overrides: Partial<Conversation> = {}): PbxEvent & { kind: 'message' } {
  const line: Message = message({
    id,
    kind: 'system',
    body: `Conversation transferred to ${to.name} (${to.extension})`,
    from: '',
    to: '',
    systemEvent: { type: 'queue.transferred', agent: to, by },
  });
  const view = conversation({ customerName: 'Maria Lopez', state: 'assigned', group: queue, designatedAgent: to, designatedAgentId: to.id, ...overrides });
  return { kind: 'message', cursor: 0, message: line, conversation: view };
}

/**
 * The line the PBX writes when `by` transfers the conversation to a ring group or queue, as every
 * member receives it, with the conversation as the group left it: `designated` by a ring group, or
 * waiting in a queue with `alerted` as its @mention.
 */
function groupTransferLine(id: string, group: typeof sales | typeof billing, picked: { designated?: typeof amy; alerted?: typeof amy }, by = jake): PbxEvent & { kind: 'message' } {
  const line: Message = message({
    id,
    kind: 'system',
    body: `Conversation transferred to ${group.name}`,
    from: '',
    to: '',
    systemEvent: { type: 'queue.transferred', group, by },
  });
  const designated = picked.designated ?? null;
  const view = conversation({
    customerName: 'Maria Lopez',
    state: designated ? 'assigned' : 'waiting',
    group,
    designatedAgent: designated,
    designatedAgentId: designated?.id ?? null,
    mentionedAgentId: (designated ?? picked.alerted)?.id ?? null,
  });
  return { kind: 'message', cursor: 0, message: line, conversation: view };
}

/** A background as it runs for `me`: the sync engine stores events and hands what arrived to the notifier. */
function backgroundFor(me: typeof jake, showing: string | null = null) {
  const tones: number[] = [];
  const notifier = new Notifier({ agentId: async () => me.id, isShowing: (id) => id === showing, playTone: async (volume) => void tones.push(volume) });
  const announced: Array<Promise<void>> = [];
  const engine = new SyncEngine(db, { onFailure: (error) => { throw error; }, onArrivals: (arrivals) => void announced.push(notifier.announce(arrivals)) });
  let cursor = 0;
  return {
    tones,
    push: (event: PbxEvent) => engine.push({ ...event, cursor: (cursor = Math.max(cursor + 1, event.cursor)) }),
    caughtUp: () => engine.caughtUp(cursor),
    settled: async () => {
      await engine.idle();
      await Promise.all(announced);
    },
  };
}

const shown = async () => fakeBrowser.notifications.getAll();

describe('transfer notification', () => {
  it('tells the agent it names who transferred which customer (name, else number), with the Call ID', () => {
    const { conversation: view } = transferLine('s1');
    const { id, options } = transferNotification({ conversation: { ...view, activityAt: 0, unread: 0 }, by: jake, queue: null });
    expect(id).toBe('parley-transfer:c1');
    expect(options).toMatchObject({
      type: 'basic',
      title: 'Conversation transferred to you',
      message: 'Maria Lopez — transferred by Jake Peralta (201)',
      contextMessage: 'Call ID: SMS+15035550142',
    });
    const unnamed = transferNotification({ conversation: { ...view, customerName: null, activityAt: 0, unread: 0 }, by: jake, queue: null });
    expect(unnamed.options.message).toBe('+15035550142 — transferred by Jake Peralta (201)');
  });

  it('is shown to the agent the conversation was transferred to, once, with the tone', async () => {
    const amys = backgroundFor(amy);
    amys.caughtUp();
    amys.push(transferLine('s1'));
    await amys.settled();
    expect(Object.keys(await shown())).toEqual(['parley-transfer:c1']);
    expect((await shown())['parley-transfer:c1']).toMatchObject({ title: 'Conversation transferred to you', message: 'Maria Lopez — transferred by Jake Peralta (201)' });
    expect(amys.tones).toHaveLength(1);
  });

  it('is not shown to the agent who transferred, nor to the other members of a queue it was transferred to', async () => {
    const jakes = backgroundFor(jake);
    jakes.caughtUp();
    jakes.push(transferLine('s1'));
    // Amy moves it on to the SMS Support Queue, whose strategy alerts Wyatt: not Jake's either.
    const toQueue = transferLine('s2');
    toQueue.message = { ...toQueue.message, body: 'Conversation transferred to SMS Support Queue', systemEvent: { type: 'queue.transferred', group: queue, by: amy } };
    toQueue.conversation = { ...toQueue.conversation, state: 'waiting', group: queue, designatedAgent: null, designatedAgentId: null, mentionedAgentId: 'a211' };
    jakes.push(toQueue);
    await jakes.settled();
    expect(await shown()).toEqual({});
    expect(jakes.tones).toEqual([]);
  });

  it('is shown to the agent a ring group designates after a transfer to it, and to no other member', async () => {
    const amys = backgroundFor(amy);
    amys.caughtUp();
    amys.push(groupTransferLine('s1', sales, { designated: amy }));
    await amys.settled();
    expect((await shown())['parley-transfer:c1']).toMatchObject({ title: 'Conversation transferred to you', message: 'Maria Lopez — transferred by Jake Peralta (201)' });
    expect(amys.tones).toHaveLength(1);

    await fakeBrowser.notifications.clear('parley-transfer:c1');
    const rosas = backgroundFor(rosa);
    rosas.caughtUp();
    rosas.push(groupTransferLine('s2', sales, { designated: amy }));
    await rosas.settled();
    expect(await shown()).toEqual({});
  });

  it('is shown to the agent a queue alerts after a transfer to it, naming the queue to claim it from', async () => {
    const amys = backgroundFor(amy);
    amys.caughtUp();
    amys.push(groupTransferLine('s1', billing, { alerted: amy }));
    await amys.settled();
    expect((await shown())['parley-transfer:c1']).toMatchObject({
      title: 'Conversation transferred to Billing Queue for you to claim',
      message: 'Maria Lopez — transferred by Jake Peralta (201)',
    });
  });

  it('is not shown to the agent who transferred when the group picks them again, nor when nobody was available', async () => {
    const jakes = backgroundFor(jake);
    jakes.caughtUp();
    jakes.push(groupTransferLine('s1', sales, { designated: jake }));
    jakes.push(groupTransferLine('s2', billing, { alerted: jake }));
    await jakes.settled();
    expect(await shown()).toEqual({});

    const amys = backgroundFor(amy);
    amys.caughtUp();
    amys.push(groupTransferLine('s3', sales, {}));
    await amys.settled();
    expect(await shown()).toEqual({});
  });

  it('is not shown for a transfer to a group in the history a resync replays', async () => {
    const resync = backgroundFor(amy);
    resync.push(groupTransferLine('s1', sales, { designated: amy }));
    resync.push(groupTransferLine('s2', billing, { alerted: amy }));
    resync.caughtUp();
    await resync.settled();
    expect(await db.messages.get('s2')).toBeDefined();
    expect(await shown()).toEqual({});
  });

  it('is not shown again when the event is delivered again after a service-worker restart', async () => {
    const first = backgroundFor(amy);
    first.caughtUp();
    first.push(transferLine('s1'));
    await first.settled();
    await fakeBrowser.notifications.clear(transferNotificationId('c1'));

    // The restarted worker: a new engine and notifier over the same store, sent the same event again.
    const restarted = backgroundFor(amy);
    restarted.push(transferLine('s1'));
    await restarted.settled();
    expect(await shown()).toEqual({});
    expect(restarted.tones).toEqual([]);
  });

  it('is not shown for a transfer in the history a resync replays', async () => {
    const resync = backgroundFor(amy);
    resync.push(transferLine('s1'));
    resync.caughtUp();
    await resync.settled();
    expect(await db.messages.get('s1')).toBeDefined();
    expect(await shown()).toEqual({});
  });

  it('follows the rule for new conversations, and is not shown for a conversation a panel shows', async () => {
    await notificationRulesItem.setValue({ newConversations: false, laterMessages: true });
    const off = backgroundFor(amy);
    off.caughtUp();
    off.push(transferLine('s1'));
    await off.settled();
    expect(await shown()).toEqual({});

    await notificationRulesItem.setValue({ newConversations: true, laterMessages: true });
    const reading = backgroundFor(amy, 'c2');
    reading.caughtUp();
    reading.push(transferLine('s2', amy, jake, { id: 'c2' }));
    await reading.settled();
    expect(await shown()).toEqual({});
  });

  it('is a line, not a text: no unread count and no chat request for it', async () => {
    const amys = backgroundFor(amy);
    amys.caughtUp();
    amys.push(transferLine('s1'));
    await amys.settled();
    expect((await db.conversations.get('c1'))?.unread).toBe(0);
    expect(Object.keys(await shown()).filter((id) => id.startsWith('parley-conversation:'))).toEqual([]);
  });

  it('opens its conversation when clicked, and leaves other notifications to their own handler', async () => {
    const open = vi.fn(async (_conversationId: string) => undefined);
    await fakeBrowser.notifications.create(transferNotificationId('c7'), { type: 'basic', iconUrl: 'i.png', title: 't', message: 'm' });
    expect(await openTransferred(transferNotificationId('c7'), open)).toBe(true);
    expect(open).toHaveBeenCalledExactlyOnceWith('c7');
    expect(await shown()).toEqual({});
    expect(await openTransferred('parley-conversation:c7', open)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });
});
