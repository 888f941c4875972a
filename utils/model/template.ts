import { z } from 'zod';

/** A canned reply: the agent's own (kept locally) or shared by the PBX for everyone. */
export const TemplateSchema = z.object({
  id: z.string().min(1).max(100),
  scope: z.enum(['personal', 'shared']),
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(1600),
});
export type Template = z.infer<typeof TemplateSchema>;
