import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WorkspaceActions } from '../../utils/background/workspace-actions';
import { workspaceHandlers } from '../../utils/background/workspace-handlers';
import { upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import { listTemplates, savePersonalTemplate } from '../../utils/db/templates';
import { createRouter, type Handlers } from '../../utils/messaging/router';
import { workspaceProtocol } from '../../utils/messaging/workspace-protocol';
import type { GroupRef } from '../../utils/model/conversation';
import type { PbxConnector } from '../../utils/pbx/connector';
import { Emitter } from '../../utils/pbx/emitter';
import type { PbxConnectorEvents } from '../../utils/pbx/connector';
import { PbxError } from '../../utils/pbx/errors';
import { conversation } from '../setup/fixtures';

const queue: GroupRef = { id: 'g8000', kind: 'queue', extension: '8000', name: 'SMS Support Queue' };
const jake = { id: 'a201', extension: '201', name: 'Jake Peralta' };
const amy = { id: 'a202', extension: '202', name: 'Amy Santiago' };

/** The connector's workspace calls as mocks; `emit` plays the connector's events. */
function fakeConnector() {
  const events = new Emitter<PbxConnectorEvents>();
  const connector = {
    on: ((kind, listener) => events.on(kind, listener)) as PbxConnector['on'],
    claim: vi.fn(async (id: string) => conversation({ id, state: 'assigned', group: queue, designatedAgent: jake, designatedAgentId: jake.id })),
    leave: vi.fn(async () => undefined),
    listAgents: vi.fn(async () => [amy, jake, { id: 'a211', extension: '211', name: 'Wyatt Brooks' }]),
    listGroups: vi.fn(async () => [{ ...queue, me: { loggedIn: true, paused: false, pauseReason: null }, waitingCount: 1 }]),
    contactOf: vi.fn(async (): Promise<{ name: string; numbers: Array<{ number: string; label: string }> } | null> => ({ name: 'Maria Lopez', numbers: [{ number: '+15035550177', label: 'Home' }, { number: '+15035550142', label: 'Mobile' }] })),
    callerIds: vi.fn(async () => [
      { number: '+15035550100', channel: 'sms' as const, label: 'Support line' },
      { number: '+15035550133', channel: 'whatsapp' as const, label: 'WhatsApp billing' },
    ]),
    sharedTemplates: vi.fn(async () => [{ id: 'shared:greeting', scope: 'shared' as const, name: 'Greeting', body: 'Hi' }]),
    setPresence: vi.fn(async () => ({ loggedIn: true, paused: true, pauseReason: 'Lunch' })),
    conversationBots: vi.fn(async () => [{ id: 'b1', name: 'Night Owl', routed: true }]),
    removeBot: vi.fn(async () => []),
  };
  return { connector, emit: events.emit.bind(events) };
}

let db: ParleyDb;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`actions-${++n}`);
  await db.open();
});

const actionsWith = (connector: ReturnType<typeof fakeConnector>['connector']) => new WorkspaceActions(db, connector as unknown as PbxConnector, async () => jake.id);

describe('WorkspaceActions', () => {
  it('stores what the PBX answers at once, so the panel updates before the event arrives', async () => {
    const { connector } = fakeConnector();
    const actions = actionsWith(connector);
    await upsertConversation(db, conversation({ id: 'c1', state: 'waiting', group: queue }));
    await expect(actions.claim('c1')).resolves.toBe('c1');
    expect(await db.conversations.get('c1')).toMatchObject({ state: 'assigned', designatedAgent: jake });
  });

  it('passes a lost claim on unchanged (its message names the winner)', async () => {
    const { connector } = fakeConnector();
    connector.claim.mockRejectedValueOnce(new PbxError('rejected', 'claimed by Amy Santiago (202)'));
    await expect(actionsWith(connector).claim('c1')).rejects.toMatchObject({ code: 'rejected', message: 'claimed by Amy Santiago (202)' });
  });

  it('forgets a chat the agent left', async () => {
    const { connector } = fakeConnector();
    await upsertConversation(db, conversation({ id: 'g1', type: 'group' }));
    await actionsWith(connector).leave('g1');
    expect(connector.leave).toHaveBeenCalledWith('g1');
    expect(await db.conversations.get('g1')).toBeUndefined();
  });

  it('offers every other agent and every group as transfer targets', async () => {
    const { connector } = fakeConnector();
    expect(await actionsWith(connector).transferTargets()).toEqual({ agents: [amy, { id: 'a211', extension: '211', name: 'Wyatt Brooks' }], groups: [queue] });
  });

  it('offers the contact’s numbers (the conversation’s own first) and the caller IDs of its channel', async () => {
    const { connector } = fakeConnector();
    const actions = actionsWith(connector);
    await upsertConversation(db, conversation({ id: 'c1', customerNumber: '+15035550142' }));
    expect(await actions.sendOptions('c1')).toEqual({
      destinations: [{ number: '+15035550177', label: 'Home' }, { number: '+15035550142', label: 'Mobile' }],
      callerIds: [{ number: '+15035550100', channel: 'sms', label: 'Support line' }],
    });
    connector.contactOf.mockResolvedValueOnce(null);
    expect((await actions.sendOptions('c1')).destinations).toEqual([{ number: '+15035550142', label: '' }]);
    await upsertConversation(db, conversation({ id: 'd1', type: 'direct', customerNumber: null }));
    expect(await actions.sendOptions('d1')).toEqual({ destinations: [], callerIds: [] });
    await expect(actions.sendOptions('nope')).rejects.toMatchObject({ code: 'rejected' });
  });

  it('saves personal templates locally and refuses to overwrite a shared one', async () => {
    const { connector } = fakeConnector();
    const actions = actionsWith(connector);
    const id = await actions.saveTemplate({ name: 'Refund', body: 'On its way' });
    expect(id).toMatch(/^personal-/);
    await actions.saveTemplate({ id, name: 'Refund', body: 'Refunded today' });
    expect(await listTemplates(db)).toEqual([{ id, scope: 'personal', name: 'Refund', body: 'Refunded today' }]);
    await actions.refreshSharedTemplates();
    await expect(actions.saveTemplate({ id: 'shared:greeting', name: 'x', body: 'y' })).rejects.toMatchObject({ code: 'rejected' });
    await expect(actions.deleteTemplate('shared:greeting')).rejects.toMatchObject({ code: 'rejected' });
  });

  it('re-reads groups and shared templates each time the stream has caught up; a PBX without templates has none', async () => {
    const { connector, emit } = fakeConnector();
    actionsWith(connector);
    await savePersonalTemplate(db, { id: 'p1', name: 'Mine', body: 'x' });
    emit('synced', { cursor: 3 });
    await vi.waitFor(async () => expect((await listTemplates(db)).map((row) => row.id)).toEqual(['p1', 'shared:greeting']));
    await vi.waitFor(async () => expect(await db.groups.count()).toBe(1));
    connector.sharedTemplates.mockRejectedValueOnce(new PbxError('rejected', 'Not Found'));
    emit('synced', { cursor: 4 });
    await vi.waitFor(async () => expect((await listTemplates(db)).map((row) => row.id)).toEqual(['p1']));
  });

  it('stores the presence the PBX answers', async () => {
    const { connector } = fakeConnector();
    const actions = actionsWith(connector);
    await actions.refreshGroups();
    await actions.setPresence('g8000', { action: 'pause', reason: 'Lunch' });
    expect((await db.groups.get('g8000'))?.me).toEqual({ loggedIn: true, paused: true, pauseReason: 'Lunch' });
  });
});

describe('workspace messages through the router', () => {
  const ID = 'test-extension-id';
  const BASE = `chrome-extension://${ID}/`;
  const panelPage = { id: ID, url: `${BASE}panel.html` };
  const contentScript = { id: ID, url: 'http://localhost:5173/cases/1001', tab: { id: 3 } as never };

  function route() {
    const { connector } = fakeConnector();
    const handlers = workspaceHandlers(actionsWith(connector));
    return { connector, route: createRouter('bg', workspaceProtocol as never, handlers as unknown as Handlers<'bg'>, ID, BASE) };
  }

  it('runs a valid command from the panel and answers with the schema’s shape', async () => {
    const { route: handle, connector } = route();
    await upsertConversation(db, conversation({ id: 'c1', state: 'waiting', group: queue }));
    expect(await handle({ name: 'panel→bg:claim', payload: { conversationId: 'c1' } }, panelPage)).toEqual({ ok: true, value: {} });
    expect(connector.claim).toHaveBeenCalledWith('c1');
    expect(await handle({ name: 'panel→bg:claim', payload: { conversationId: 'c1' } }, panelPage)).toEqual({ ok: true, value: {} });
  });

  it('drops commands from a content script and explains a refusal', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { route: handle, connector } = route();
    expect(await handle({ name: 'panel→bg:claim', payload: { conversationId: 'c1' } }, contentScript)).toBeUndefined();
    expect(connector.claim).not.toHaveBeenCalled();
    connector.claim.mockRejectedValueOnce(new PbxError('rejected', 'claimed by Amy Santiago (202)'));
    expect(await handle({ name: 'panel→bg:claim', payload: { conversationId: 'c1' } }, panelPage)).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'claimed by Amy Santiago (202)' },
    });
  });

  it('lists and removes the bots of a conversation through the PBX connector, from the panel only', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { route: handle, connector } = route();
    expect(await handle({ name: 'panel→bg:conversation-bots', payload: { conversationId: 'c1' } }, panelPage)).toEqual({
      ok: true,
      value: { bots: [{ id: 'b1', name: 'Night Owl', routed: true }] },
    });
    expect(await handle({ name: 'panel→bg:remove-bot', payload: { conversationId: 'c1', botId: 'b1' } }, contentScript)).toBeUndefined();
    expect(connector.removeBot).not.toHaveBeenCalled();
    expect(await handle({ name: 'panel→bg:remove-bot', payload: { conversationId: 'c1', botId: 'b1' } }, panelPage)).toEqual({ ok: true, value: { bots: [] } });
    expect(connector.removeBot).toHaveBeenCalledWith('c1', 'b1');
    connector.removeBot.mockRejectedValueOnce(new PbxError('rejected', 'bot in this conversation not found'));
    expect(await handle({ name: 'panel→bg:remove-bot', payload: { conversationId: 'c1', botId: 'b1' } }, panelPage)).toEqual({
      ok: false,
      error: { code: 'rejected', message: 'bot in this conversation not found' },
    });
  });

  it('rejects bad payloads before any handler runs', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { route: handle } = route();
    const refused = async (name: string, payload: unknown) => ((await handle({ name, payload }, panelPage)) as { ok: boolean; error?: { code: string } }).error?.code;
    expect(await refused('panel→bg:transfer', { conversationId: 'c1', target: {} })).toBe('invalid_request');
    expect(await refused('panel→bg:add-participants', { conversationId: 'c1', extensions: [], externalNumbers: [] })).toBe('invalid_request');
    expect(await refused('page→bg:set-presence', { groupId: 'g1', change: { action: 'pause', reason: ' ' } })).toBe('invalid_request');
    expect(await refused('page→bg:save-template', { name: '', body: 'x' })).toBe('invalid_request');
    expect(await refused('panel→bg:remove-bot', { conversationId: 'c1', botId: '' })).toBe('invalid_request');
    expect(await refused('panel→bg:remove-bot', { conversationId: 'c1' })).toBe('invalid_request');
  });
});
