import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConversationBotsModel } from '../../utils/ui/conversation-bots-model';
import { installI18n } from '../setup/i18n';

const owl = { id: 'b1', name: 'Night Owl', routed: true };
const survey = { id: 'b2', name: 'Survey', routed: false };

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
let replies: Map<string, () => Promise<Reply>>;
let sent: Array<{ name: string; payload: unknown }>;

beforeEach(() => {
  fakeBrowser.reset();
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
    await model.load('c2');
    release();
    await first;
    expect(model.bots.value).toEqual([]);
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
