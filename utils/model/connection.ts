import { z } from 'zod';

/**
 * What the agent sees about the link to the PBX. Written by the background, read by every page
 * (through a storage item), so it is a schema.
 */
export const ConnectionStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-out') }),
  z.object({ status: z.literal('connecting') }),
  z.object({ status: z.literal('online') }),
  /** `retryAt` is epoch ms so every page can count down on its own clock. */
  z.object({ status: z.literal('offline'), retryAt: z.number() }),
  z.object({ status: z.literal('auth-failed') }),
]);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;
