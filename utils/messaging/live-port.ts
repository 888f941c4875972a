import { z } from 'zod';
import { liveQueries } from '../db/live-queries';

/**
 * A long-lived port on which the background runs the panel's live queries for it. Used where the
 * panel cannot open IndexedDB itself: browsers that block storage in third-party frames deny it to
 * the panel docked in a CRM page ("The user denied permission to access the database").
 */
export const LIVE_PORT_NAME = 'panel→bg:live';

const queryName = z.enum(Object.keys(liveQueries) as [keyof typeof liveQueries, ...(keyof typeof liveQueries)[]]);

export const LiveRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('watch'), id: z.number().int().nonnegative(), query: queryName, args: z.array(z.unknown()).max(4) }),
  z.object({ op: z.literal('unwatch'), id: z.number().int().nonnegative() }),
]);
export type LiveRequest = z.infer<typeof LiveRequestSchema>;

export const LiveUpdateSchema = z.union([
  z.object({ id: z.number().int(), value: z.unknown() }),
  z.object({ id: z.number().int(), error: z.string() }),
]);
export type LiveUpdate = z.infer<typeof LiveUpdateSchema>;
