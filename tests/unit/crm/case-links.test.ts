import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endLink, linkCase, linksOfNumber, markLogged, openLinkOf, openLinksInTab } from '../../../utils/background/case-links';
import { transcript, unloggedMessages } from '../../../utils/background/case-transcript';
import { openDb, type ParleyDb, type StoredMessage } from '../../../utils/db/database';
import { message } from '../../setup/fixtures';

let db: ParleyDb;
let count = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`case-links-${++count}`);
});

const MARIA = '+15035550142';
const onCase = (caseId: string, tabId: number, conversationId = 'c1') => ({
  conversationId,
  customerNumber: MARIA,
  profileId: 'demo',
  origin: 'http://127.0.0.1:8788',
  caseId,
  caseUrl: `http://127.0.0.1:8788/cases/${caseId}`,
  caseTitle: 'Parcel delayed',
  tabId,
});

describe('case links (Dexie schema v4)', () => {
  it('keeps one open link per conversation, ends it with its tab, and lists the number’s links newest first', async () => {
    const first = await linkCase(db, onCase('1001', 7), 1_000);
    expect(first.created).toBe(true);
    // The same case in the same tab again: nothing new.
    expect(await linkCase(db, onCase('1001', 7), 1_500)).toEqual({ link: first.link, created: false });
    // Another case: the first link ends.
    const second = await linkCase(db, onCase('1003', 9), 2_000);
    expect((await openLinkOf(db, 'c1'))?.caseId).toBe('1003');
    expect(await openLinksInTab(db, 7)).toEqual([]);

    const ended = await endLink(db, second.link, 3_000);
    expect(ended).toMatchObject({ endedAt: 3_000, caseId: '1003' });
    expect(ended).not.toHaveProperty('tabId');
    expect(await openLinkOf(db, 'c1')).toBeUndefined();
    expect((await linksOfNumber(db, MARIA)).map((link) => [link.caseId, link.endedAt])).toEqual([
      ['1003', 3_000],
      ['1001', 2_000],
    ]);
  });

  it('a new link to a case already logged to carries the log position over', async () => {
    const { link } = await linkCase(db, onCase('1001', 7), 1_000);
    await markLogged(db, link.id, { messageId: 'm2', createdAt: 20 });
    await endLink(db, (await openLinkOf(db, 'c1'))!, 2_000);
    const again = await linkCase(db, onCase('1001', 8), 3_000);
    expect(again.link.lastLogged).toEqual({ messageId: 'm2', createdAt: 20 });
    expect((await linkCase(db, onCase('1002', 8), 4_000)).link.lastLogged).toBeNull();
  });
});

describe('Log to case', () => {
  const timeline: StoredMessage[] = [
    message({ id: 'm1', createdAt: Date.parse('2026-11-20T10:00:00Z'), body: 'Where is my parcel?' }),
    message({ id: 's1', createdAt: Date.parse('2026-11-20T10:00:30Z'), body: 'Claimed by Jake', kind: 'system' }),
    message({ id: 'm2', createdAt: Date.parse('2026-11-20T10:01:00Z'), direction: 'outbound', body: 'Checking now', from: '+15550100' }),
    { ...message({ id: 'p1', createdAt: Date.parse('2026-11-20T10:02:00Z'), direction: 'outbound', body: 'still sending' }), pending: 1 },
  ];

  it('logs texts only (no lifecycle lines, nothing still in the outbox), and only what follows the last log', () => {
    expect(unloggedMessages(timeline, null).map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(unloggedMessages(timeline, { messageId: 'm1', createdAt: timeline[0]!.createdAt }).map((m) => m.id)).toEqual(['m2']);
    expect(unloggedMessages(timeline, { messageId: 'm2', createdAt: timeline[2]!.createdAt })).toEqual([]);
    // The last logged message is gone (deleted): its time still bounds what was logged.
    expect(unloggedMessages(timeline, { messageId: 'gone', createdAt: timeline[0]!.createdAt }).map((m) => m.id)).toEqual(['m2']);
  });

  it('writes plain lines with UTC times, who wrote and the text as it is', () => {
    const lines = transcript(unloggedMessages(timeline, null), { customer: 'Customer', agent: 'Agent' });
    expect(lines).toBe('[2026-11-20 10:00 UTC] Customer +15035550142: Where is my parcel?\n[2026-11-20 10:01 UTC] Agent: Checking now');
  });
});
