import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upsertConversation } from '../../utils/db/conversations';
import { db } from '../../utils/db/database';
import { threadKeyOf } from '../../utils/db/thread-key';
import type { GroupRef } from '../../utils/model/conversation';
import { sessionItem } from '../../utils/settings';
import { QueuePresenceModel } from '../../utils/ui/queue-presence-model';
import { WorkspaceModel } from '../../utils/ui/workspace-model';
import { fakeBackgroundPort } from '../setup/background-port';
import { conversation, message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

const queue: GroupRef = { id: 'g8000', kind: 'queue', extension: '8000', name: 'SMS Support Queue' };
const jake = { id: 'a201', extension: '201', name: 'Jake Peralta' };
const amy = { id: 'a202', extension: '202', name: 'Amy Santiago' };

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
let sent: Array<{ name: string; payload: unknown }>;
let answer: (name: string, payload: unknown) => Reply;

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  fakeBackgroundPort();
  sent = [];
  answer = (name) => ({ ok: true, value: name === 'panel→bg:send-options' ? { destinations: [], callerIds: [] } : {} });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { name: string; payload: unknown }) => {
    sent.push(envelope);
    return answer(envelope.name, envelope.payload);
  }) as never);
  await Promise.all(db().tables.map((table) => table.clear()));
  await sessionItem.setValue({ serverUrl: 'http://pbx', refreshToken: 'r', agent: { ...amy, role: 'agent' } });
});

afterEach(() => vi.restoreAllMocks());

const waitingRow = (id: string, overrides = {}) => conversation({ id, state: 'waiting', group: queue, waitingSince: 5, lastMessagePreview: 'Help', ...overrides });

describe('WorkspaceModel', () => {
  it('shows a waiting conversation in the queue only, and says who claimed it when someone else did', async () => {
    await upsertConversation(db(), waitingRow('q1'));
    await upsertConversation(db(), conversation({ id: 'mine' }));
    const workspace = new WorkspaceModel();
    await vi.waitFor(() => expect(workspace.queue.waiting.value.map((item) => item.conversationId)).toEqual(['q1']));
    await vi.waitFor(() => expect(workspace.items.value.map((item) => item.id)).toEqual(['mine']));

    await upsertConversation(db(), waitingRow('q1', { state: 'assigned', designatedAgent: jake, designatedAgentId: jake.id, lastMessageAt: Date.parse('2026-11-20T11:00:00Z') }));
    await vi.waitFor(() => expect(workspace.queue.notice.value).toBe('Claimed by Jake Peralta (201)'));
    expect(workspace.queue.waiting.value).toEqual([]);
    // Jake's now: not in Amy's list either.
    expect(workspace.items.value.map((item) => item.id)).toEqual(['mine']);
    workspace.queue.dismissNotice();
    expect(workspace.queue.notice.value).toBeNull();
    workspace[Symbol.dispose]();
  });

  it('claims: selects the conversation on success, names the winner when the race is lost', async () => {
    await upsertConversation(db(), waitingRow('q1'));
    const workspace = new WorkspaceModel();
    // The background stores the claimed conversation before it answers.
    const answerAsBefore = answer;
    answer = (name, payload) => {
      if (name === 'panel→bg:claim') void upsertConversation(db(), waitingRow('q1', { state: 'assigned', designatedAgent: amy, designatedAgentId: amy.id }));
      return answerAsBefore(name, payload);
    };
    expect(await workspace.queue.claim('q1')).toBe(true);
    expect(workspace.selectedId.value).toBe('q1');
    // Resolved once this page shows it as Amy's: the composer the panel focuses next is open for her.
    expect(workspace.selected.value).toMatchObject({ state: 'assigned', designatedAgentId: amy.id });
    expect(workspace.composer.blockedReason.value).toBeNull();
    answer = (name) => (name === 'panel→bg:claim' ? { ok: false, error: { code: 'rejected', message: 'claimed by Jake Peralta (201)' } } : { ok: true, value: {} });
    expect(await workspace.queue.claim('q1')).toBe(false);
    expect(workspace.queue.notice.value).toBe('Claimed by Jake Peralta (201)');
    expect(sent.filter((m) => m.name === 'panel→bg:claim')).toHaveLength(2);
    workspace[Symbol.dispose]();
  });

  it('offers every agent and every group but the open conversation\'s own as transfer targets', async () => {
    const billing: GroupRef = { id: 'g8001', kind: 'queue', extension: '8001', name: 'Billing Queue' };
    answer = (name) => ({ ok: true, value: name === 'panel→bg:transfer-targets' ? { agents: [jake], groups: [queue, billing] } : {} });
    await upsertConversation(db(), conversation({ id: 'q1', state: 'assigned', group: queue, designatedAgent: amy, designatedAgentId: amy.id }));
    const workspace = new WorkspaceModel();
    await vi.waitFor(() => expect(workspace.items.value.map((item) => item.id)).toEqual(['q1']));
    workspace.select('q1');
    await workspace.actions.loadTransferTargets();
    expect(workspace.actions.transferTargets.value).toEqual({ agents: [jake], groups: [billing] });
    workspace[Symbol.dispose]();
  });

  it('searches the local history from the search box', async () => {
    await upsertConversation(db(), conversation({ id: 'maria', customerName: 'Maria Lopez' }));
    const workspace = new WorkspaceModel();
    workspace.searchQuery.value = 'm';
    expect(workspace.searchResults.value).toBeNull();
    workspace.searchQuery.value = 'lopez';
    await vi.waitFor(() => expect(workspace.searchResults.value?.conversations.map((item) => item.title)).toEqual(['Maria Lopez']));
    workspace.selectSearchResult('maria', 'm9');
    expect([workspace.selectedId.value, workspace.focusMessageId.value]).toEqual(['maria', 'm9']);
    workspace[Symbol.dispose]();
  });

  it('asks the background for the history and the send options after the new thread’s first frame, not in the selecting click', async () => {
    await upsertConversation(db(), conversation({ id: 'c1' }));
    const workspace = new WorkspaceModel();
    await vi.waitFor(() => expect(workspace.selected.value).toBeNull());
    const before = sent.length;
    workspace.select('c1');
    await Promise.resolve();
    // The click's task (and the render it sets off in microtasks) sends nothing to the background.
    expect(sent.slice(before).map((m) => m.name)).toEqual([]);
    await vi.waitFor(() =>
      expect(sent.slice(before).map((m) => m.name).sort()).toEqual(['panel→bg:load-messages', 'panel→bg:send-options']),
    );
    workspace[Symbol.dispose]();
  });

  it('starts reading the thread’s newest page first thing in the selecting click, and shows that read', async () => {
    await upsertConversation(db(), conversation({ id: 'c1' }));
    await db().messages.put({ ...message({ id: 'm1', conversationId: 'c1' }), thread: threadKeyOf(conversation({ id: 'c1' })) });
    const workspace = new WorkspaceModel();
    await vi.waitFor(() => expect(workspace.items.value.map((item) => item.id)).toEqual(['c1']));
    const table = db().messages;
    const where = table.where.bind(table);
    const indexes: string[] = [];
    table.where = ((index: string) => (indexes.push(index), where(index))) as typeof where;
    try {
      workspace.select('c1');
      // In the click's task, before anything else the selection reads.
      expect(indexes[0]).toBe('[thread+createdAt]');
      await vi.waitFor(() => expect(workspace.thread.window.value?.rowAt(0)?.id).toBe('m1'));
    } finally {
      table.where = where;
    }
    workspace[Symbol.dispose]();
  });

  it('sends to another of the contact’s numbers through that thread, from the chosen caller ID', async () => {
    await upsertConversation(db(), conversation({ id: 'c1', customerNumber: '+15035550142', didNumber: '+15035550100' }));
    answer = (name) => {
      if (name === 'panel→bg:send-options') return { ok: true, value: { destinations: [{ number: '+15035550142', label: 'Mobile' }, { number: '+15035550177', label: 'Home' }], callerIds: [] } };
      if (name === 'panel→bg:open-sms') return { ok: true, value: { conversationId: 'c2' } };
      if (name === 'panel→bg:send-reply') return { ok: true, value: { messageIds: ['k'] } };
      return { ok: true, value: {} };
    };
    const workspace = new WorkspaceModel();
    workspace.select('c1');
    await vi.waitFor(() => expect(workspace.composer.destinations.value).toHaveLength(2));
    expect(await workspace.composer.send('Same number?')).toBe(true);
    expect(sent.filter((m) => m.name === 'panel→bg:send-reply').at(-1)?.payload).toEqual({ conversationId: 'c1', body: 'Same number?' });
    workspace.composer.destination.value = '+15035550177';
    workspace.composer.callerId.value = '+15035550111';
    expect(await workspace.composer.send('Texting your home number')).toBe(true);
    expect(sent.find((m) => m.name === 'panel→bg:open-sms')?.payload).toEqual({ number: '+15035550177', fromNumber: '+15035550111' });
    expect(sent.filter((m) => m.name === 'panel→bg:send-reply').at(-1)?.payload).toEqual({ conversationId: 'c2', body: 'Texting your home number' });
    expect(workspace.selectedId.value).toBe('c2');
    workspace[Symbol.dispose]();
  });

  it('refuses to send where the agent may not, with the reason', async () => {
    await upsertConversation(db(), conversation({ id: 'c1', optedOut: true }));
    const workspace = new WorkspaceModel();
    workspace.select('c1');
    await vi.waitFor(() => expect(workspace.composer.blockedReason.value).toMatch(/texted STOP/));
    expect(await workspace.composer.send('hello')).toBe(false);
    expect(sent.some((m) => m.name === 'panel→bg:send-reply')).toBe(false);
    workspace[Symbol.dispose]();
  });
});

describe('QueuePresenceModel', () => {
  it('lists the agent’s queues with presence, and logs in, pauses with a reason and resumes through the background', async () => {
    await db().groups.bulkPut([
      { ...queue, waitingCount: 2, me: { loggedIn: true, paused: false, pauseReason: null } },
      { ...queue, id: 'g6000', kind: 'ring_group', name: 'Sales', waitingCount: 0, me: { loggedIn: true, paused: false, pauseReason: null } },
      { ...queue, id: 'g8001', name: 'Billing Queue', waitingCount: 0, me: null },
    ]);
    const popup = new QueuePresenceModel();
    await vi.waitFor(() => expect(popup.queues.value).toEqual([{ id: 'g8000', name: 'SMS Support Queue', extension: '8000', loggedIn: true, paused: false, pauseReason: null, waitingCount: 2 }]));
    expect(sent.some((m) => m.name === 'page→bg:refresh-groups')).toBe(true);
    await popup.pause('g8000', 'Lunch');
    await popup.resume('g8000');
    await popup.setLoggedIn('g8000', false);
    expect(sent.filter((m) => m.name === 'page→bg:set-presence').map((m) => m.payload)).toEqual([
      { groupId: 'g8000', change: { action: 'pause', reason: 'Lunch' } },
      { groupId: 'g8000', change: { action: 'resume' } },
      { groupId: 'g8000', change: { action: 'logout' } },
    ]);
    answer = () => ({ ok: false, error: { code: 'rejected', message: 'not a member' } });
    expect(await popup.setLoggedIn('g8000', true)).toBe(false);
    expect(popup.notice.value).toMatch(/Could not change your queue status/);
    popup[Symbol.dispose]();
  });
});
