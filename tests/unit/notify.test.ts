import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredConversation } from '../../utils/db/database';
import { badgeFor } from '../../utils/notify/badge';
import { callId, chatNotification, conversationOfNotification, notificationId } from '../../utils/notify/chat-notification';
import { Notifier } from '../../utils/notify/notifier';
import { chooseAnnouncements, MAX_NOTIFICATIONS_PER_BATCH } from '../../utils/notify/rules';
import { alertToneItem, notificationRulesItem } from '../../utils/settings';
import type { Arrival } from '../../utils/sync/apply-events';
import { conversation, message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

const stored = (overrides: Partial<StoredConversation> = {}): StoredConversation => ({ ...conversation(overrides), activityAt: 0, unread: 1, ...overrides });
const arrival = (conversationId: string, i: number, newConversation = false, overrides: Partial<StoredConversation> = {}): Arrival => ({
  conversation: stored({ id: conversationId, customerNumber: '+15035550142', title: '+15035550142', ...overrides }),
  message: message({ id: `m${i}`, conversationId, body: `text ${i}`, createdAt: i }),
  newConversation,
});
const everything = { newConversations: true, laterMessages: true };

describe('chat notification', () => {
  it('announces a new SMS conversation as "SMS Chat Request" with the Call ID SMS+number', () => {
    const { id, options } = chatNotification(arrival('c1', 1, true));
    expect(id).toBe('parley-conversation:c1');
    expect(options).toMatchObject({ type: 'basic', title: 'SMS Chat Request', message: 'text 1', contextMessage: 'Call ID: SMS+15035550142' });
    expect(options.iconUrl).toContain('/icon/128.png');
  });

  it('titles a later message with the conversation, keeps the Call ID, and shortens a long body', () => {
    const long = arrival('c1', 2, false, { title: 'Maria Lopez' });
    long.message = { ...long.message, body: 'x'.repeat(500) };
    const { options } = chatNotification(long);
    expect(options.title).toBe('Maria Lopez');
    expect(options.contextMessage).toBe('Call ID: SMS+15035550142');
    expect(options.message.length).toBeLessThanOrEqual(160);
  });

  it('uses the channel in the Call ID and maps notification ids back to conversations', () => {
    expect(callId({ type: 'whatsapp', customerNumber: '+447700900123' })).toBe('WhatsApp+447700900123');
    expect(callId({ type: 'direct', customerNumber: null })).toBeNull();
    expect(conversationOfNotification(notificationId('abc'))).toBe('abc');
    expect(conversationOfNotification('someone-else')).toBeNull();
    expect(conversationOfNotification('parley-conversation:')).toBeNull();
  });
});

describe('which arrivals are announced', () => {
  it('announces each conversation once, with its latest text, newest first', () => {
    const chosen = chooseAnnouncements([arrival('c1', 1, true), arrival('c2', 2), arrival('c1', 3)], everything, () => false);
    expect(chosen.map((a) => [a.conversation.id, a.message.id, a.newConversation])).toEqual([
      ['c1', 'm3', true],
      ['c2', 'm2', false],
    ]);
  });

  it('follows the rules and stays quiet about the conversation on screen', () => {
    const arrivals = [arrival('new', 1, true), arrival('old', 2)];
    expect(chooseAnnouncements(arrivals, { newConversations: true, laterMessages: false }, () => false).map((a) => a.conversation.id)).toEqual(['new']);
    expect(chooseAnnouncements(arrivals, { newConversations: false, laterMessages: true }, () => false).map((a) => a.conversation.id)).toEqual(['old']);
    expect(chooseAnnouncements(arrivals, everything, (id) => id === 'old').map((a) => a.conversation.id)).toEqual(['new']);
  });

  it('caps a burst after a long outage', () => {
    const burst = Array.from({ length: 12 }, (_, i) => arrival(`c${i}`, i));
    expect(chooseAnnouncements(burst, everything, () => false)).toHaveLength(MAX_NOTIFICATIONS_PER_BATCH);
  });
});

describe('Notifier', () => {
  function notifier(agentId: string | null = 'a1') {
    const tones: number[] = [];
    const instance = new Notifier({ agentId: async () => agentId, isShowing: () => false, playTone: async (volume) => void tones.push(volume) });
    return { instance, tones };
  }

  it('raises the notifications and plays the tone once per batch', async () => {
    const { instance, tones } = notifier();
    await instance.announce([arrival('c1', 1, true), arrival('c2', 2)]);
    expect(Object.keys(await fakeBrowser.notifications.getAll()).sort()).toEqual(['parley-conversation:c1', 'parley-conversation:c2']);
    expect(tones).toEqual([0.8]);
  });

  it('stays silent when the tone is off, and raises nothing when notifications are off', async () => {
    await alertToneItem.setValue({ enabled: false, volume: 0.5 });
    const { instance, tones } = notifier();
    await instance.announce([arrival('c1', 1, true)]);
    expect(tones).toEqual([]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);

    await fakeBrowser.notifications.clear('parley-conversation:c1');
    await notificationRulesItem.setValue({ newConversations: false, laterMessages: false });
    await alertToneItem.setValue({ enabled: true, volume: 0.5 });
    await instance.announce([arrival('c1', 2, true)]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(tones).toEqual([]);
  });

  it('alerts only the designated agent of a group conversation (seed 000)', async () => {
    const { instance } = notifier('a1');
    await instance.announce([arrival('mine', 1, true, { designatedAgentId: 'a1' }), arrival('theirs', 2, true, { designatedAgentId: 'a7' })]);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['parley-conversation:mine']);
  });

  it('alerts only the agent a queue alerted (@mention) for a waiting conversation, and everyone when it alerted nobody', async () => {
    const { instance } = notifier('a1');
    await instance.announce([
      arrival('alerted', 1, true, { state: 'waiting', designatedAgentId: null, mentionedAgentId: 'a1' }),
      arrival('colleague', 2, true, { state: 'waiting', designatedAgentId: null, mentionedAgentId: 'a7' }),
      arrival('nobody', 3, true, { state: 'waiting', designatedAgentId: null, mentionedAgentId: null }),
    ]);
    expect(Object.keys(await fakeBrowser.notifications.getAll()).sort()).toEqual(['parley-conversation:alerted', 'parley-conversation:nobody']);
  });

  it('announces nothing when no agent is signed in', async () => {
    const { instance, tones } = notifier(null);
    await instance.announce([arrival('c1', 1, true)]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(tones).toEqual([]);
  });
});

describe('toolbar badge', () => {
  it('shows the unread count online, and a sign for every state that needs attention', () => {
    expect(badgeFor({ status: 'online' }, 0)).toMatchObject({ text: '', title: 'Parley — online' });
    expect(badgeFor({ status: 'online' }, 3)).toMatchObject({ text: '3', title: 'Parley — online · 3 unread' });
    expect(badgeFor({ status: 'online' }, 250).text).toBe('99+');
    expect(badgeFor({ status: 'connecting' }, 0).text).toBe('…');
    expect(badgeFor({ status: 'offline', retryAt: 1 }, 0).text).toBe('!');
    expect(badgeFor({ status: 'offline', retryAt: 1 }, 2).text).toBe('2');
    expect(badgeFor({ status: 'auth-failed' }, 2)).toMatchObject({ text: '!', title: 'Parley — sign-in rejected, sign in again · 2 unread' });
    expect(badgeFor({ status: 'signed-out' }, 0)).toMatchObject({ text: 'off', title: 'Parley — not signed in' });
  });

  it('gives each state its own colour', () => {
    const colors = (['online', 'connecting', 'offline', 'auth-failed'] as const).map((status) =>
      badgeFor(status === 'offline' ? { status, retryAt: 1 } : { status }, 0).color,
    );
    expect(new Set(colors).size).toBe(4);
  });
});
