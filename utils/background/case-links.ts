import Dexie from 'dexie';
import type { ParleyDb } from '../db/database';

/**
 * A conversation linked to a CRM case (seed 004): open while the case is on screen in its tab,
 * ended when the tab closes or leaves the case. Ended links stay: they are the "most recent case"
 * offered when the customer texts again, and they remember what was already logged to the case.
 */
export interface CaseLink {
  id: string;
  conversationId: string;
  customerNumber: string;
  profileId: string;
  origin: string;
  caseId: string;
  caseUrl: string;
  caseTitle: string | null;
  /** The tab showing the case while the link is open; absent once ended. */
  tabId?: number;
  linkedAt: number;
  endedAt: number | null;
  /** The last message "Log to case" wrote into the case, and its time: the next log starts after it. */
  lastLogged: { messageId: string; createdAt: number } | null;
}

const table = (db: ParleyDb) => db.table<CaseLink, string>('caseLinks');

export async function openLinkOf(db: ParleyDb, conversationId: string): Promise<CaseLink | undefined> {
  return (await table(db).where('conversationId').equals(conversationId).toArray()).find((link) => link.endedAt === null);
}

export async function openLinksInTab(db: ParleyDb, tabId: number): Promise<CaseLink[]> {
  return (await table(db).where('tabId').equals(tabId).toArray()).filter((link) => link.endedAt === null);
}

/** The number's links, most recent first (ended ones included). */
export function linksOfNumber(db: ParleyDb, customerNumber: string, limit = 5): Promise<CaseLink[]> {
  return table(db)
    .where('[customerNumber+linkedAt]')
    .between([customerNumber, Dexie.minKey], [customerNumber, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** The last log position of this conversation on this case, carried over from an earlier link. */
async function lastLoggedOn(db: ParleyDb, conversationId: string, origin: string, caseId: string): Promise<CaseLink['lastLogged']> {
  const earlier = await table(db).where('conversationId').equals(conversationId).toArray();
  const same = earlier.filter((link) => link.origin === origin && link.caseId === caseId && link.lastLogged);
  return same.sort((a, b) => b.lastLogged!.createdAt - a.lastLogged!.createdAt)[0]?.lastLogged ?? null;
}

/**
 * Links the conversation to the case shown in the tab, ending any other open link of the
 * conversation (it continues in one case at a time). Linking it again to the same case in the same
 * tab changes nothing.
 */
export async function linkCase(
  db: ParleyDb,
  input: Omit<CaseLink, 'id' | 'endedAt' | 'lastLogged' | 'linkedAt'>,
  now: number,
): Promise<{ link: CaseLink; created: boolean }> {
  return db.transaction('rw', table(db), async () => {
    const current = await openLinkOf(db, input.conversationId);
    if (current && current.origin === input.origin && current.caseId === input.caseId && current.tabId === input.tabId) {
      return { link: current, created: false };
    }
    if (current) await endLink(db, current, now);
    const link: CaseLink = {
      ...input,
      id: crypto.randomUUID(),
      linkedAt: now,
      endedAt: null,
      lastLogged: await lastLoggedOn(db, input.conversationId, input.origin, input.caseId),
    };
    await table(db).put(link);
    return { link, created: true };
  });
}

export async function endLink(db: ParleyDb, link: CaseLink, now: number): Promise<CaseLink> {
  const { tabId: _tab, ...rest } = link;
  const ended = { ...rest, endedAt: now };
  await table(db).put(ended);
  return ended;
}

export async function markLogged(db: ParleyDb, linkId: string, lastLogged: NonNullable<CaseLink['lastLogged']>): Promise<void> {
  await table(db).update(linkId, { lastLogged });
}
