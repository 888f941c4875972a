import { z } from 'zod';

export const AgentRoleSchema = z.enum(['agent', 'supervisor', 'admin']);

// Crosses the storage boundary (kept in the session item), so it is validated on read.
export const AgentSchema = z.object({
  id: z.string(),
  extension: z.string(),
  name: z.string(),
  role: AgentRoleSchema,
});
export type Agent = z.infer<typeof AgentSchema>;
