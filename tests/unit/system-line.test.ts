import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chatText } from '../../pbx-server/src/conversations/chat-text';
import { lifecycleText } from '../../pbx-server/src/queues/lifecycle-text';
import type { SystemEvent } from '../../utils/model/message';
import { MessageSchema } from '../../utils/model/message';
import { systemLineText } from '../../utils/ui/system-line';
import { threadMessageMapper } from '../../utils/ui/view-data';
import { message } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

const jake = { id: 'a201', extension: '201', name: 'Jake Peralta' };
const amy = { id: 'a202', extension: '202', name: 'Amy Santiago' };
const rosa = { id: 'a203', extension: '203', name: 'Rosa Diaz' };
const queue = { id: 'g8000', kind: 'queue' as const, extension: '8000', name: 'SMS Support Queue' };

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

/** A line as the panel stores it: the PBX's words in `body`, the fact in `systemEvent`. */
const line = (body: string, systemEvent: SystemEvent) => message({ kind: 'system', body, from: '', to: '', systemEvent });
/** What the panel shows when the message catalogue has a word for every key (a translation). */
function translated(key: string, substitutions?: string | string[]) {
  return `[${key}${substitutions === undefined ? '' : ` ${[substitutions].flat().join('|')}`}]`;
}

describe('system lines in the agent\'s language', () => {
  // The English catalogue words each line as the reference server does: its own text functions are the expectation.
  const cases: Array<[string, SystemEvent]> = [
    [lifecycleText.entered(queue), { type: 'queue.entered', group: queue }],
    [lifecycleText.assigned(amy), { type: 'queue.assigned', agent: amy, group: queue }],
    [lifecycleText.claimed(jake), { type: 'queue.claimed', agent: jake, group: queue }],
    [lifecycleText.transferredToAgent(amy), { type: 'queue.transferred', agent: amy, by: jake }],
    [lifecycleText.transferredToGroup(queue), { type: 'queue.transferred', group: queue, by: jake }],
    [lifecycleText.released(), { type: 'queue.released', by: jake, reason: 'agent' }],
    [lifecycleText.closed(amy), { type: 'queue.closed', by: amy, reason: 'agent' }],
    [chatText.created(jake, 'Returns team'), { type: 'chat.created', by: jake, title: 'Returns team' }],
    [chatText.renamed(jake, 'Returns & refunds'), { type: 'chat.renamed', by: jake, title: 'Returns & refunds' }],
    [chatText.addedAgent(jake, amy), { type: 'chat.member_added', by: jake, agent: amy }],
    [chatText.left(amy), { type: 'chat.member_left', agent: amy }],
    ['Bot Night Owl removed by Jake Peralta (201)', { type: 'bot.removed', by: jake, bot: { id: 'b1', name: 'Night Owl' } }],
  ];

  it.each(cases)('words "%s" from its event, as the PBX does in English', (body, event) => {
    expect(systemLineText(line('(the PBX wrote this)', event))).toBe(body);
  });

  it('words them from the catalogue, so a translation replaces the PBX\'s English', () => {
    // Names not used above: the panel keeps each looked-up string (utils/i18n.ts).
    fakeBrowser.i18n.getMessage = translated as typeof fakeBrowser.i18n.getMessage;
    expect(systemLineText(line(lifecycleText.claimed(rosa), { type: 'queue.claimed', agent: rosa }))).toBe('[sys_claimed Rosa Diaz (203)]');
    const removal = line('Bot Survey removed by Rosa Diaz (203)', { type: 'bot.removed', by: rosa, bot: { id: 'b2', name: 'Survey' } });
    expect(threadMessageMapper(null, null, new Map())({ ...removal, thread: 'number:+15035550142' }).body).toBe('[sys_botRemoved Survey|Rosa Diaz (203)]');
  });

  it('keeps the PBX\'s words where the event lacks what the text needs, or the fact is unknown here', () => {
    const idle = lifecycleText.releasedIdle(300);
    expect(systemLineText(line(idle, { type: 'queue.released', reason: 'idle_timeout' }))).toBe(idle);
    const unclaimed = lifecycleText.closedUnclaimed(900);
    expect(systemLineText(line(unclaimed, { type: 'queue.closed', reason: 'unclaimed_timeout' }))).toBe(unclaimed);
    const added = chatText.addedNumber(jake, '+15035550160', 'Gina Linetti');
    expect(systemLineText(line(added, { type: 'chat.member_added', by: jake, number: '+15035550160' }))).toBe(added);
    expect(systemLineText(line('Conversation parked', { type: 'queue.parked' }))).toBe('Conversation parked');
    expect(systemLineText(message({ kind: 'system', body: 'Old line', systemEvent: null }))).toBe('Old line');
  });

  it('keeps the removed bot of a bot line from the wire', () => {
    const parsed = MessageSchema.parse(line('x', { type: 'bot.removed', by: jake, bot: { id: 'b1', name: 'Night Owl' } }));
    expect(parsed.systemEvent?.bot).toEqual({ id: 'b1', name: 'Night Owl' });
  });
});
