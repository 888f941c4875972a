import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upsertConversation, waitingInQueues } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { allGroups, replaceGroups, setGroupPresence } from '../../utils/db/groups';
import { addOutboxMessages, timeline } from '../../utils/db/messages';
import { claimStore } from '../../utils/db/meta';
import { readMarksOf, storeReceipts } from '../../utils/db/receipts';
import { deletePersonalTemplate, listTemplates, replaceSharedTemplates, savePersonalTemplate } from '../../utils/db/templates';
import type { GroupRef } from '../../utils/model/conversation';
import { applyEvents } from '../../utils/sync/apply-events';
import { conversation, message } from '../setup/fixtures';

const queue: GroupRef = { id: 'g8000', kind: 'queue', extension: '8000', name: 'SMS Support Queue' };
const amy = { id: 'a202', extension: '202', name: 'Amy Santiago' };
const jake = { id: 'a201', extension: '201', name: 'Jake Peralta' };

let db: ParleyDb;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`workspace-${++n}`);
  await db.open();
});

describe('workspace events in the store', () => {
  it('keeps the waiting list off the state index, longest waiting first, and drops a claimed conversation from it', async () => {
    await applyEvents(db, [
      { kind: 'conversation', cursor: 1, conversation: conversation({ id: 'q2', state: 'waiting', group: queue, waitingSince: 20 }) },
      { kind: 'conversation', cursor: 2, conversation: conversation({ id: 'q1', state: 'waiting', group: queue, waitingSince: 10 }) },
      { kind: 'conversation', cursor: 3, conversation: conversation({ id: 'ring', state: 'waiting', group: { ...queue, id: 'g6000', kind: 'ring_group' } }) },
    ]);
    expect((await waitingInQueues(db)).map((row) => row.id)).toEqual(['q1', 'q2']);
    await applyEvents(db, [{ kind: 'conversation', cursor: 4, conversation: conversation({ id: 'q1', state: 'assigned', group: queue, designatedAgent: amy, designatedAgentId: amy.id }) }]);
    expect((await waitingInQueues(db)).map((row) => row.id)).toEqual(['q2']);
    expect((await db.conversations.get('q1'))?.designatedAgent).toEqual(amy);
  });

  it('takes the PBX unread count when it sends one, instead of counting itself', async () => {
    await applyEvents(db, [{ kind: 'caught-up', cursor: 1 }]);
    await applyEvents(db, [
      { kind: 'message', cursor: 2, conversation: conversation({ id: 'c1', unreadCount: 4 }), message: message({ id: 'm1' }) },
      { kind: 'message', cursor: 3, conversation: conversation({ id: 'c2' }), message: message({ id: 'm2', conversationId: 'c2' }) },
    ]);
    expect((await db.conversations.get('c1'))?.unread).toBe(4);
    expect((await db.conversations.get('c2'))?.unread).toBe(1);
    // The read mark moved on another device: the PBX's zero wins.
    await applyEvents(db, [{ kind: 'conversation', cursor: 4, conversation: conversation({ id: 'c1', unreadCount: 0 }) }]);
    expect((await db.conversations.get('c1'))?.unread).toBe(0);
  });

  it('forgets a conversation the agent left, with its messages and read marks; a rejoin in the same batch keeps it', async () => {
    await applyEvents(db, [
      { kind: 'message', cursor: 1, conversation: conversation({ id: 'g1', type: 'group' }), message: message({ id: 'm1', conversationId: 'g1' }) },
      { kind: 'message', cursor: 2, conversation: conversation({ id: 'c2' }), message: message({ id: 'm2', conversationId: 'c2' }) },
      { kind: 'receipt', cursor: 3, receipt: { conversationId: 'g1', agent: amy, lastReadMessageId: 'm1', readAt: 5 } },
    ]);
    await applyEvents(db, [{ kind: 'removed', cursor: 4, conversationId: 'g1' }]);
    expect(await db.conversations.get('g1')).toBeUndefined();
    expect(await timeline(db, 'g1')).toEqual([]);
    expect(await db.receipts.count()).toBe(0);
    expect((await timeline(db, 'c2')).map((row) => row.id)).toEqual(['m2']);

    await applyEvents(db, [
      { kind: 'removed', cursor: 5, conversationId: 'c2' },
      { kind: 'conversation', cursor: 6, conversation: conversation({ id: 'c2' }) },
    ]);
    expect(await db.conversations.get('c2')).toBeDefined();
  });

  it('stores the latest read mark per reader and the agent’s presence per group', async () => {
    await applyEvents(db, [
      { kind: 'receipt', cursor: 1, receipt: { conversationId: 'c1', agent: amy, lastReadMessageId: 'm1', readAt: 5 } },
      { kind: 'receipt', cursor: 2, receipt: { conversationId: 'c1', agent: amy, lastReadMessageId: 'm2', readAt: 6 } },
      { kind: 'presence', cursor: 3, group: queue, presence: { loggedIn: true, paused: true, pauseReason: 'Lunch' } },
    ]);
    expect(await db.receipts.toArray()).toEqual([{ conversationId: 'c1', agent: amy, agentId: amy.id, lastReadMessageId: 'm2', readAt: 6 }]);
    expect(await allGroups(db)).toEqual([{ ...queue, waitingCount: 0, me: { loggedIn: true, paused: true, pauseReason: 'Lunch' } }]);
    await replaceGroups(db, [{ ...queue, waitingCount: 3, me: { loggedIn: true, paused: false, pauseReason: null } }]);
    await applyEvents(db, [{ kind: 'presence', cursor: 4, group: queue, presence: { loggedIn: false, paused: false, pauseReason: null } }]);
    expect(await allGroups(db)).toEqual([{ ...queue, waitingCount: 3, me: { loggedIn: false, paused: false, pauseReason: null } }]);
    await setGroupPresence(db, queue.id, { loggedIn: true, paused: false, pauseReason: null });
    expect((await allGroups(db))[0]?.me?.loggedIn).toBe(true);
  });

  it('clears the new stores when another agent signs in', async () => {
    await claimStore(db, 'a201@x');
    await storeReceipts(db, [{ conversationId: 'c1', agent: amy, lastReadMessageId: 'm1', readAt: 1 }]);
    await replaceGroups(db, [{ ...queue, waitingCount: 0, me: null }]);
    await savePersonalTemplate(db, { id: 't1', name: 'Hi', body: 'Hello' });
    await claimStore(db, 'a202@x');
    expect([await db.receipts.count(), await db.groups.count(), await db.templates.count()]).toEqual([0, 0, 0]);
  });
});

describe('read marks', () => {
  beforeEach(async () => {
    await upsertConversation(db, conversation({ id: 'c1', type: 'direct' }));
    await db.messages.bulkPut([
      message({ id: 'mine-1', direction: 'outbound', senderAgentId: jake.id, createdAt: 1 }),
      message({ id: 'theirs', direction: 'outbound', senderAgentId: amy.id, createdAt: 2 }),
      message({ id: 'mine-2', direction: 'outbound', senderAgentId: jake.id, createdAt: 3 }),
      message({ id: 'mine-3', direction: 'outbound', senderAgentId: jake.id, createdAt: 5 }),
    ]);
  });

  it('puts each reader once, on the newest of my messages at or before their mark', async () => {
    const rosa = { id: 'a203', extension: '203', name: 'Rosa Diaz' };
    await storeReceipts(db, [
      { conversationId: 'c1', agent: amy, lastReadMessageId: 'mine-2', readAt: 10 },
      { conversationId: 'c1', agent: rosa, lastReadMessageId: 'theirs', readAt: 11 },
      // My own mark is never a receipt.
      { conversationId: 'c1', agent: jake, lastReadMessageId: 'mine-3', readAt: 12 },
    ]);
    expect(await readMarksOf(db, 'c1', jake.id)).toEqual(
      expect.arrayContaining([
        { messageId: 'mine-2', readers: ['Amy Santiago'] },
        { messageId: 'mine-1', readers: ['Rosa Diaz'] },
      ]),
    );
    expect(await readMarksOf(db, 'c1', jake.id)).toHaveLength(2);
    // A mark moves forward only: an older listing does not undo a newer event.
    await storeReceipts(db, [{ conversationId: 'c1', agent: amy, lastReadMessageId: 'mine-1', readAt: 9 }]);
    expect(await readMarksOf(db, 'c1', jake.id)).toContainEqual({ messageId: 'mine-2', readers: ['Amy Santiago'] });
    await storeReceipts(db, [{ conversationId: 'c1', agent: rosa, lastReadMessageId: 'mine-3', readAt: 20 }]);
    expect(await readMarksOf(db, 'c1', jake.id)).toContainEqual({ messageId: 'mine-3', readers: ['Rosa Diaz'] });
  });

  it('never marks an outbox row (not on the server yet)', async () => {
    await addOutboxMessages(db, [{ idempotencyKey: 'key-0000009', conversationId: 'c1', body: 'later' }], 6);
    await storeReceipts(db, [{ conversationId: 'c1', agent: amy, lastReadMessageId: 'mine-3', readAt: 10 }]);
    expect(await readMarksOf(db, 'c1', jake.id)).toEqual([{ messageId: 'mine-3', readers: ['Amy Santiago'] }]);
  });
});

describe('templates', () => {
  it('keeps personal templates across a refresh of the shared ones, personal first, by name', async () => {
    await savePersonalTemplate(db, { id: 'p2', name: 'Zebra', body: 'z' });
    await savePersonalTemplate(db, { id: 'p1', name: 'Apology', body: 'Sorry' });
    await replaceSharedTemplates(db, [{ id: 'shared:old', scope: 'shared', name: 'Old', body: 'o' }]);
    await replaceSharedTemplates(db, [{ id: 'shared:greeting', scope: 'shared', name: 'Greeting', body: 'Hi' }]);
    expect((await listTemplates(db)).map((row) => row.id)).toEqual(['p1', 'p2', 'shared:greeting']);
    expect(await savePersonalTemplate(db, { id: 'shared:greeting', name: 'Mine now', body: 'x' })).toBe(false);
    expect(await deletePersonalTemplate(db, 'shared:greeting')).toBe(false);
    expect(await deletePersonalTemplate(db, 'p2')).toBe(true);
    expect((await listTemplates(db)).map((row) => row.id)).toEqual(['p1', 'shared:greeting']);
  });
});
