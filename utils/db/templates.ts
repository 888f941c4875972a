import type { Template } from '../model/template';
import type { ParleyDb } from './database';

/** Personal templates first, then shared ones, each by name. */
export async function listTemplates(db: ParleyDb): Promise<Template[]> {
  const rows = await db.templates.toArray();
  const rank = (row: Template) => (row.scope === 'personal' ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The PBX's shared templates replace the stored shared ones; personal ones are untouched. */
export async function replaceSharedTemplates(db: ParleyDb, shared: readonly Template[]): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    await db.templates.where('scope').equals('shared').delete();
    await db.templates.bulkPut(shared.map((template) => ({ ...template, scope: 'shared' as const })));
  });
}

/** Resolves false when the id belongs to a shared template, which only the PBX changes. */
export async function savePersonalTemplate(db: ParleyDb, template: Omit<Template, 'scope'>): Promise<boolean> {
  return db.transaction('rw', db.templates, async () => {
    const existing = await db.templates.get(template.id);
    if (existing && existing.scope !== 'personal') return false;
    await db.templates.put({ ...template, scope: 'personal' });
    return true;
  });
}

/** Resolves false when there was no personal template with that id (shared ones are not deleted). */
export async function deletePersonalTemplate(db: ParleyDb, id: string): Promise<boolean> {
  return (await db.templates.where('id').equals(id).and((row) => row.scope === 'personal').delete()) > 0;
}
