import { z } from 'zod';
import { recentBotLines } from './bot-lines';
import { listConversations, totalUnread, waitingInQueues } from './conversations';
import type { ParleyDb } from './database';
import { allGroups } from './groups';
import { timeline } from './messages';
import { readMarksOf } from './receipts';
import { searchHistory } from './search';
import { listTemplates } from './templates';
import { pageReadSchema, threadKeySchema, timelineLength, timelinePage, type PageRead } from './timeline-window';

/**
 * The read-only queries the panel watches, by name. Named (not passed as functions) so the same
 * query can run in the panel itself or, when the panel cannot open IndexedDB, in the background
 * on the panel's behalf (see utils/ui/live.ts).
 */
export const liveQueries = {
  conversations: { args: z.tuple([]), run: (db: ParleyDb) => listConversations(db) },
  unreadTotal: { args: z.tuple([]), run: (db: ParleyDb) => totalUnread(db) },
  timeline: { args: z.tuple([z.string().min(1)]), run: (db: ParleyDb, conversationId: string) => timeline(db, conversationId) },
  timelinePage: {
    args: z.tuple([threadKeySchema, pageReadSchema, z.number().int().min(1).max(500)]),
    run: (db: ParleyDb, thread: string, read: PageRead, limit: number) => timelinePage(db, thread, read, limit),
  },
  timelineLength: { args: z.tuple([threadKeySchema]), run: (db: ParleyDb, thread: string) => timelineLength(db, thread) },
  waitingInQueues: { args: z.tuple([]), run: (db: ParleyDb) => waitingInQueues(db) },
  search: { args: z.tuple([z.string().max(200)]), run: (db: ParleyDb, query: string) => searchHistory(db, query) },
  readMarks: {
    args: z.tuple([z.string().min(1), z.string().min(1)]),
    run: (db: ParleyDb, conversationId: string, myAgentId: string) => readMarksOf(db, conversationId, myAgentId),
  },
  groups: { args: z.tuple([]), run: (db: ParleyDb) => allGroups(db) },
  templates: { args: z.tuple([]), run: (db: ParleyDb) => listTemplates(db) },
  botLines: { args: z.tuple([z.string().min(1)]), run: (db: ParleyDb, conversationId: string) => recentBotLines(db, conversationId) },
} as const;

export type LiveQueryName = keyof typeof liveQueries;
export type LiveQueryArgs<N extends LiveQueryName> = z.infer<(typeof liveQueries)[N]['args']>;
export type LiveQueryValue<N extends LiveQueryName> = Awaited<ReturnType<(typeof liveQueries)[N]['run']>>;

/** Runs a named query with arguments already validated against its schema. */
export function runLiveQuery(db: ParleyDb, name: LiveQueryName, args: readonly unknown[]): Promise<unknown> {
  const query = liveQueries[name];
  const parsed = query.args.parse(args) as unknown[];
  return (query.run as (db: ParleyDb, ...rest: unknown[]) => Promise<unknown>)(db, ...parsed);
}
