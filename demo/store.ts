// The demo CRM's cases: loaded from cases.json, kept in memory, lost on restart (it is a demo).
import { z } from 'zod';
import { normalizeToE164 } from '../utils/sms/detect';

export const DEMO_COUNTRY = 'US';

const NoteSchema = z.object({ at: z.iso.datetime(), text: z.string() });

export const DemoCaseSchema = z.object({
  id: z.string().regex(/^\d+$/),
  title: z.string(),
  status: z.string(),
  customer: z.string(),
  /** Label → number as typed ("Mobile" → "(503) 555-0142"). */
  phones: z.record(z.string(), z.string()),
  address: z.string(),
  updatedAt: z.iso.datetime(),
  notes: z.array(NoteSchema),
});

export type DemoCase = z.infer<typeof DemoCaseSchema>;

export interface NewCase {
  title: string;
  customer: string;
  phone: string;
  address: string;
}

export function createStore(initial: DemoCase[], now: () => Date = () => new Date()) {
  const cases = initial.map((k) => DemoCaseSchema.parse(structuredClone(k)));
  const byRecency = (list: DemoCase[]) => [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return {
    /** Most recently updated first. */
    list: () => byRecency(cases),

    get: (id: string) => cases.find((k) => k.id === id),

    /** The cases with this number on any phone field, most recently updated first. */
    withPhone(e164: string): DemoCase[] {
      return byRecency(cases.filter((k) => Object.values(k.phones).some((phone) => normalizeToE164(phone, DEMO_COUNTRY) === e164)));
    },

    create(input: NewCase): DemoCase {
      const id = String(Math.max(1000, ...cases.map((k) => Number(k.id))) + 1);
      const created: DemoCase = {
        id,
        title: input.title,
        status: 'New',
        customer: input.customer,
        phones: { Mobile: input.phone },
        address: input.address,
        updatedAt: now().toISOString(),
        notes: [],
      };
      cases.push(created);
      return created;
    },

    addNote(found: DemoCase, text: string): void {
      const at = now().toISOString();
      found.notes.push({ at, text });
      found.updatedAt = at;
    },
  };
}

export type DemoStore = ReturnType<typeof createStore>;
