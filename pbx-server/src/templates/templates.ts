import { z } from 'zod';

/**
 * Shared reply templates, configured by the PBX's administrator (config `templates`) and offered
 * to every agent beside their personal ones. Names are unique so agents can tell them apart.
 */
export const SharedTemplateConfigSchema = z.object({
  name: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(1600),
});

export const SharedTemplatesConfigSchema = z
  .array(SharedTemplateConfigSchema)
  .max(500)
  .superRefine((templates, ctx) => {
    const seen = new Set<string>();
    templates.forEach((template, index) => {
      const key = template.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: 'duplicate template name' });
      seen.add(key);
    });
  })
  .default([]);

export type SharedTemplateConfig = z.infer<typeof SharedTemplateConfigSchema>;

export interface SharedTemplate {
  id: string;
  name: string;
  body: string;
}

/** A template's id is derived from its (unique) name, so it stays the same across restarts. */
export function toSharedTemplates(configured: readonly SharedTemplateConfig[]): SharedTemplate[] {
  return configured.map(({ name, body }) => ({ id: `shared:${name.toLowerCase()}`, name, body }));
}
