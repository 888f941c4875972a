import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredConversation, StoredMessage } from '../../utils/db/database';
import type { GroupRef } from '../../utils/model/conversation';
import { searchTemplates } from '../../utils/ui/templates-model';
import { blockedReason, inSidebar, mentionOf, threadMessageMapper, toListItem, toThreadHeader, toWaitingItems } from '../../utils/ui/view-data';
import { conversation, message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

const queue: GroupRef = { id: 'g8000', kind: 'queue', extension: '8000', name: 'SMS Support Queue' };
const ring: GroupRef = { id: 'g6000', kind: 'ring_group', extension: '6000', name: 'Sales' };
const jake = { id: 'a201', extension: '201', name: 'Jake Peralta' };
const amy = { id: 'a202', extension: '202', name: 'Amy Santiago' };

const stored = (overrides: Partial<StoredConversation> = {}): StoredConversation => ({ ...conversation(), activityAt: 100, unread: 0, ...overrides });

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

describe('sidebar items', () => {
  it('shows the resolved name, the queue badge once claimed, and keeps waiting or other agents’ queue conversations out', () => {
    const mine = stored({ group: queue, state: 'assigned', designatedAgent: jake, customerName: 'Maria Lopez', unread: 2 });
    expect(toListItem(mine, jake.id)).toMatchObject({ title: 'Maria Lopez', number: '+15035550142', unread: 2, queueBadge: true, groupName: 'SMS Support Queue', mention: 'red', mentionedName: 'Jake Peralta', closed: false });
    expect(inSidebar(mine, jake.id)).toBe(true);
    expect(inSidebar(mine, amy.id)).toBe(false);
    expect(inSidebar(stored({ group: queue, state: 'waiting' }), jake.id)).toBe(false);
    // A ring group's conversation is visible to every member (seed 000), with a blue marker for the others.
    const sales = stored({ group: ring, state: 'assigned', designatedAgent: amy });
    expect(inSidebar(sales, jake.id)).toBe(true);
    expect(mentionOf(sales, jake.id)).toEqual({ mention: 'blue', mentionedName: 'Amy Santiago' });
    expect(mentionOf(stored(), jake.id)).toEqual({ mention: null, mentionedName: null });
    // Alerted but not yet designated: the mention names the alerted member from the participants.
    const alerted = stored({ group: ring, state: 'waiting', mentionedAgentId: amy.id, participants: [{ type: 'agent', ...amy }] });
    expect(mentionOf(alerted, amy.id)).toEqual({ mention: 'red', mentionedName: 'Amy Santiago' });
  });

  it('falls back from name to title to number', () => {
    expect(toListItem(stored({ customerName: null, title: '+15035550142' }), null).title).toBe('+15035550142');
    expect(toListItem(stored({ customerName: null, title: 'Maria (CRM)' }), null).title).toBe('Maria (CRM)');
    expect(toListItem(stored({ type: 'group', title: 'Ops room', customerNumber: null }), null).title).toBe('Ops room');
  });
});

describe('waiting items', () => {
  it('lists only queues the agent is logged in to and not paused in; unknown presence counts as available', () => {
    const rows = [
      stored({ id: 'w1', group: queue, state: 'waiting', waitingSince: 5, mentionedAgentId: jake.id, lastMessagePreview: 'Help' }),
      stored({ id: 'w2', group: { ...queue, id: 'g8001', name: 'Billing Queue' }, state: 'waiting', waitingSince: 6 }),
      stored({ id: 'w3', group: { ...queue, id: 'g9999' }, state: 'waiting', waitingSince: 7 }),
    ];
    const presence = (id: string, me: { loggedIn: boolean; paused: boolean } | null) => ({
      ...queue,
      id,
      waitingCount: 1,
      me: me && { ...me, pauseReason: null },
    });
    const items = toWaitingItems(rows, [presence('g8000', { loggedIn: true, paused: false }), presence('g8001', { loggedIn: true, paused: true })], jake.id);
    expect(items).toEqual([
      { conversationId: 'w1', title: 'Maria Lopez', number: '+15035550142', preview: 'Help', waitingSince: 5, groupName: 'SMS Support Queue', mentioned: true },
      expect.objectContaining({ conversationId: 'w3', mentioned: false }),
    ]);
    expect(toWaitingItems(rows, [presence('g8000', { loggedIn: false, paused: false })], jake.id).map((item) => item.conversationId)).toEqual(['w2', 'w3']);
  });
});

describe('thread header and composer', () => {
  it('offers queue controls to the designated agent only, group controls in group chats', () => {
    const claimed = stored({ group: queue, state: 'assigned', designatedAgent: jake });
    expect(toThreadHeader(claimed, jake.id).queueControls).toEqual({ transfer: true, release: true, close: true });
    expect(toThreadHeader(claimed, amy.id).queueControls).toEqual({ transfer: false, release: false, close: false });
    expect(toThreadHeader(stored({ group: queue, state: 'closed', designatedAgent: jake }), jake.id).queueControls?.close).toBe(false);
    expect(toThreadHeader(stored(), jake.id)).toMatchObject({ queueControls: null, groupControls: null });
    expect(toThreadHeader(stored({ type: 'group', customerNumber: null }), jake.id).groupControls).toEqual({ rename: true, addParticipants: true, leave: true });
  });

  it('says why sending is impossible: opted out, closed, waiting, someone else’s', () => {
    expect(blockedReason(stored({ optedOut: true }), jake.id)).toMatch(/texted STOP/);
    expect(blockedReason(stored({ group: queue, state: 'closed' }), jake.id)).toMatch(/closed/);
    expect(blockedReason(stored({ group: queue, state: 'waiting' }), jake.id)).toMatch(/Claim/);
    expect(blockedReason(stored({ group: queue, state: 'assigned', designatedAgent: amy }), jake.id)).toBe('Amy Santiago is handling this conversation: only they can reply.');
    expect(blockedReason(stored({ group: queue, state: 'assigned', designatedAgent: jake }), jake.id)).toBeNull();
    expect(blockedReason(stored(), jake.id)).toBeNull();
  });
});

describe('thread messages', () => {
  const row = stored({ type: 'group', customerNumber: null, participants: [{ type: 'agent', ...amy }, { type: 'external', number: '+15035550171', name: 'Adrian Pimento' }] });
  const view = threadMessageMapper(row, jake.id, new Map([['mine', ['Amy Santiago']]]));

  it('marks mine, names the sender, shows receipts and failures with Retry/Delete only on my own', () => {
    expect(view(message({ id: 'mine', direction: 'outbound', senderAgentId: jake.id, status: 'delivered' }))).toMatchObject({ mine: true, senderName: null, readBy: ['Amy Santiago'], canRetry: false });
    expect(view(message({ id: 'amy', direction: 'outbound', senderAgentId: amy.id, status: 'delivered' }))).toMatchObject({ mine: false, senderName: 'Amy Santiago', readBy: [] });
    expect(view(message({ id: 'ext', direction: 'inbound', from: '+15035550171' }))).toMatchObject({ senderName: 'Adrian Pimento' });
    const failed = { ...message({ id: 'k', direction: 'outbound', status: 'failed', failureReason: 'Carrier rejected' }), pending: 1 } as StoredMessage;
    expect(view(failed)).toMatchObject({ mine: true, status: 'failed', failureReason: 'Carrier rejected', canRetry: true, canDelete: true });
    expect(view(message({ id: 's', kind: 'system', body: 'Ops room created' }))).toMatchObject({ kind: 'system', senderName: null });
  });

  it('names a customer by the resolved name', () => {
    const sms = threadMessageMapper(stored({ customerName: 'Maria Lopez' }), jake.id, new Map());
    expect(sms(message()).senderName).toBe('Maria Lopez');
  });
});

describe('template search', () => {
  it('matches names before bodies, ignoring case and accents', () => {
    const templates = [
      { id: 'a', scope: 'personal' as const, name: 'Refund', body: 'Your refund is on its way' },
      { id: 'b', scope: 'shared' as const, name: 'Greeting', body: 'Hi! About your refund…' },
      { id: 'c', scope: 'shared' as const, name: 'Café hours', body: 'Open 8–5' },
    ];
    expect(searchTemplates(templates, 'REFUND').map((t) => t.id)).toEqual(['a', 'b']);
    expect(searchTemplates(templates, 'cafe').map((t) => t.id)).toEqual(['c']);
    expect(searchTemplates(templates, '').map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(searchTemplates(templates, '', 2)).toHaveLength(2);
  });
});
