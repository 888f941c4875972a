import { randomUUID } from 'node:crypto';
import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';

/** The shared phonebook: contacts with one or more numbers (E.164). */

export type ContactNumber = { number: string; label: string };
export type Contact = { id: string; name: string; company: string | null; numbers: ContactNumber[]; createdAt: string; updatedAt: string };

type ContactRow = { id: string; name: string; company: string | null; created_at: Date | string; updated_at: Date | string; numbers: ContactNumber[] | null };

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  name: r.name,
  company: r.company,
  numbers: r.numbers ?? [],
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const SELECT = `SELECT c.id, c.name, c.company, c.created_at, c.updated_at,
  (SELECT jsonb_agg(jsonb_build_object('number', n.number, 'label', n.label) ORDER BY n.number)
   FROM contact_numbers n WHERE n.contact_id = c.id) AS numbers
  FROM contacts c`;

export async function findContact(db: Queryable, id: string): Promise<Contact | null> {
  const rows = await db.query<ContactRow>(`${SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ? toContact(rows[0]) : null;
}

/** Contacts whose name contains q, or one of whose numbers contains q's digits; by name. */
export async function searchContacts(db: Queryable, q: string | undefined, limit: number): Promise<Contact[]> {
  const digits = (q ?? '').replace(/\D/g, '');
  const rows = await db.query<ContactRow>(
    `${SELECT} WHERE $1::text IS NULL OR c.name ILIKE '%' || $1 || '%'
       OR ($2 <> '' AND EXISTS (SELECT 1 FROM contact_numbers n WHERE n.contact_id = c.id AND n.number LIKE '%' || $2 || '%'))
     ORDER BY c.name, c.id LIMIT $3::int`,
    [q ?? null, digits, limit],
  );
  return rows.map(toContact);
}

export async function insertContact(db: Queryable, c: { name: string; company: string | null; numbers: ContactNumber[] }, at: Date): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO contacts (id, name, company, created_at, updated_at) VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz)`, [
    id,
    c.name,
    c.company,
    at.toISOString(),
  ]);
  await replaceNumbers(db, id, c.numbers);
  return id;
}

/** Changes the given fields; numbers, when given, replace the old ones. False when unknown. */
export async function updateContact(
  db: Queryable,
  id: string,
  c: { name?: string; company?: string | null; numbers?: ContactNumber[] },
  at: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE contacts SET name = COALESCE($2, name), company = CASE WHEN $3::boolean THEN $4 ELSE company END,
       updated_at = $5::timestamptz WHERE id = $1 RETURNING id`,
    [id, c.name ?? null, c.company !== undefined, c.company ?? null, at.toISOString()],
  );
  if (rows.length === 0) return false;
  if (c.numbers) await replaceNumbers(db, id, c.numbers);
  return true;
}

export async function deleteContact(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM contacts WHERE id = $1 RETURNING id', [id])).length > 0;
}

async function replaceNumbers(db: Queryable, id: string, numbers: ContactNumber[]): Promise<void> {
  await db.query('DELETE FROM contact_numbers WHERE contact_id = $1', [id]);
  await db.query(
    `INSERT INTO contact_numbers (contact_id, number, label)
     SELECT $1, n.number, n.label FROM unnest($2::text[], $3::text[]) AS n(number, label) ON CONFLICT DO NOTHING`,
    [id, sqlArray(numbers.map((n) => n.number)), sqlArray(numbers.map((n) => n.label))],
  );
}

/** A number's name (parley_contact_name) and where it came from. */
export async function resolveNumber(
  db: Queryable,
  number: string,
): Promise<{ name: string | null; source: 'phonebook' | 'call_log' | null; contactId: string | null }> {
  const rows = await db.query<{ name: string | null; contact_id: string | null }>(
    `SELECT parley_contact_name($1) AS name,
       (SELECT c.id FROM contact_numbers n JOIN contacts c ON c.id = n.contact_id WHERE n.number = $1 ORDER BY c.created_at, c.id LIMIT 1) AS contact_id`,
    [number],
  );
  const r = rows[0]!;
  return { name: r.name, contactId: r.contact_id, source: r.contact_id ? 'phonebook' : r.name ? 'call_log' : null };
}
