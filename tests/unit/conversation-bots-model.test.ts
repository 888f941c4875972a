import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../utils/db/database';
import type { Message } from '../../utils/model/message';
import { applyEvents } from '../../utils/sync/apply-events';
import { ConversationBotsModel } from '../../utils/ui/conversation-bots-model';
import { conversation, message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

const owl = { id: 'b1', name: 'Night Owl', routed: true };
const survey = { id: 'b2', name: 'Survey', routed: false };

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
let replies: Map<string, () => Promise<Reply>>;
let sent: Array<{ name: string; payload: unknown }>;

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db().tables.map((table) => table.clear()));
  installI18n();
  sent = [];
  replies = new Map();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { name: string; payload: { conversationId: string } }) => {
    sent.push(envelope);
    return replies.get(`${envelope.name} ${envelope.payload.conversationId}`)!();
  }) as never);
});
afterEach(() => vi.restoreAllMocks());

const answer = (value: unknown) => async (): Promise<Reply> => ({ ok: true, value });
const botReads = (conversationId: string) => sent.filter((each) => each.name === 'panel→bg:conversation-bots' && (each.payload as { conversationId: string }).conversationId === conversationId).length;

let cursor = 0;
/** A message of the conversation as the event stream brings it to this browser, stored by the sync engine. */
function arrives(overrides: Partial<Message>) {
  const line = message({ id: `m${++cursor}`, createdAt: Date.parse('2026-11-20T10:00:00Z') + cursor * 1000, ...overrides });
  return applyEvents(db(), [{ kind: 'message', cursor, message: line, conversation: conversation({ id: line.conversationId }) }]);
}
/** The line the PBX writes when `by` removes a bot (pbx-server/src/bots/removal.ts). */
const removalLine = (conversationId: string, botName: string) => ({
  conversationId,
  kind: 'system' as const,
  body: `Bot ${botName} removed by Amy Santiago (202)`,
  from: '',
  to: '',
  systemEvent: { type: 'bot.removed', by: { id: 'a202', extension: '202', name: 'Amy Santiago' } },
});

describe('the bots of the open conversation', () => {
  it('reads them for the conversation on screen, and none for no conversation', async () => {
    replies.set('panel→bg:conversation-bots c1', answer({ bots: [owl, survey] }));
    const model = new ConversationBotsModel();
    await model.load('c1');
    expect(model.bots.value).toEqual([owl, survey]);
    await model.load(null);
    expect(model.bots.value).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it('drops the answer for a conversation the agent has left meanwhile', async () => {
    let release!: () => void;
    replies.set('panel→bg:conversation-bots c1', () => new Promise((resolve) => (release = () => resolve({ ok: true, value: { bots: [owl] } }))));
    replies.set('panel→bg:conversation-bots c2', answer({ bots: [] }));
    const model = new ConversationBotsModel();
    const first = model.load('c1');
    await vi.waitFor(() => expect(release).toBeDefined());
    await model.load('c2');
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.bots.value).toEqual([]);
    model[Symbol.dispose]();
  });

  it('reads the list again when a colleague removes a bot: its line reaches this browser', async () => {
    replies.set('panel→bg:conversation-bots c1', answer({ bots: [owl, survey] }));
    const model = new ConversationBotsModel();
    await model.load('c1');
    expect(model.bots.value).toEqual([owl, survey]);

    // Activity that is not about bots, here or in another conversation's bots, reads nothing.
    await arrives({ conversationId: 'c1', body: 'Any news?' });
    await arrives(removalLine('c2', 'Night Owl'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(botReads('c1')).toBe(1);

    // Amy removed Night Owl on her panel: the PBX now answers without it, and this panel follows.
    replies.set('panel→bg:conversation-bots c1', answer({ bots: [survey] }));
    await arrives(removalLine('c1', 'Night Owl'));
    await vi.waitFor(() => expect(model.bots.value).toEqual([survey]));
    expect(botReads('c1')).toBe(2);
    model[Symbol.dispose]();
  });

  it('counts only lines stored after the first read: an old removal in the history reads nothing more', async () => {
    await arrives(removalLine('c1', 'Night Owl'));
    replies.set('panel→bg:conversation-bots c1', answer({ bots: [survey] }));
    const model = new ConversationBotsModel();
    await model.load('c1');
    expect(model.bots.value).toEqual([survey]);
    await arrives({ conversationId: 'c1', body: 'Thanks' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(botReads('c1')).toBe(1);

    // After another conversation and back, the watch starts over from that conversation's lines.
    replies.set('panel→bg:conversation-bots c2', answer({ bots: [] }));
    await model.load('c2');
    await model.load('c1');
    expect(botReads('c1')).toBe(2);
    model[Symbol.dispose]();
  });

  it('shows the bots left after a removal, and says why a removal failed', async () => {
    replies.set('panel→bg:conversation-bots c1', answer({ bots: [owl, survey] }));
    replies.set('panel→bg:remove-bot c1', answer({ bots: [survey] }));
    const model = new ConversationBotsModel();
    await model.load('c1');
    expect(await model.remove('c1', 'b1')).toBe(true);
    expect(sent.at(-1)).toEqual({ name: 'panel→bg:remove-bot', payload: { conversationId: 'c1', botId: 'b1' } });
    expect(model.bots.value).toEqual([survey]);

    replies.set('panel→bg:remove-bot c1', async () => ({ ok: false, error: { code: 'rejected', message: 'bot in this conversation not found' } }));
    expect(await model.remove('c1', 'b2')).toBe(false);
    expect(model.notice.value).toMatch(/^Could not remove the bot: /);
    expect(model.notice.value).toContain('bot in this conversation not found');
    expect(model.bots.value).toEqual([survey]);
  });

  it('lists no bots when they cannot be read (offline, or a PBX without bots)', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    replies.set('panel→bg:conversation-bots c1', async () => ({ ok: false, error: { code: 'unreachable', message: 'offline' } }));
    const model = new ConversationBotsModel();
    await model.load('c1');
    expect(model.bots.value).toEqual([]);
    expect(model.notice.value).toBeNull();
  });
});
