import Dexie from 'dexie';
import type { ParleyDb } from './database';

/**
 * How far back a conversation is looked at for bot lines. A colleague's removal arrives as the
 * newest line, so only the newest messages matter, and a bounded read keeps the query cheap when
 * it runs again on every message of a long conversation.
 */
const RECENT = 50;

/**
 * The ids of the bot lifecycle lines ("Bot Night Owl removed by Jake Peralta (201)", system events
 * `bot.*`) among a conversation's newest messages. A new id means the conversation's bots changed
 * on the PBX, whoever changed them: the thread header reads them again.
 */
export async function recentBotLines(db: ParleyDb, conversationId: string): Promise<string[]> {
  const newest = await db.messages
    .where('[conversationId+createdAt]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .reverse()
    .limit(RECENT)
    .toArray();
  return newest.filter((row) => row.kind === 'system' && row.systemEvent?.type.startsWith('bot.')).map((row) => row.id);
}
