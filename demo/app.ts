// The demo CRM: a tiny case-management site on its own origin, so the extension meets it the way
// it meets a real CRM. It is not product code; it only grows what the flows need: a case list,
// case pages with several phone fields, a new-case form that takes ?phone=&name=, a search by
// phone (most recent first) and notes that "Log to case" can post to. Forms answer with pages;
// the same routes answer JSON to JSON requests, for scripts and tests.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { normalizeToE164 } from '../utils/sms/detect';
import { caseListPage, casePage, newCasePage, notFoundPage, searchPage } from './pages';
import { DEMO_COUNTRY, type DemoStore } from './store';

const phone = z
  .string()
  .trim()
  .max(40)
  .refine((value) => normalizeToE164(value, DEMO_COUNTRY) !== null, 'not a phone number');

const NewCaseBody = z.object({
  title: z.string().trim().min(1, 'enter a subject').max(200),
  customer: z.string().trim().min(1, "enter the customer's name").max(100),
  phone,
  address: z.string().trim().max(300).default(''),
});

const NoteBody = z.object({ note: z.string().trim().min(1, 'the note is empty').max(20_000) });

/** "field: what is wrong", naming the first field that failed. */
function problem(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]!;
  return { field: issue.path.join('.') || 'body', message: issue.message };
}

const sentJson = (c: Context) => c.req.header('content-type')?.startsWith('application/json') ?? false;
const wantsJson = (c: Context) => c.req.header('accept')?.includes('application/json') ?? false;

async function body(c: Context): Promise<unknown> {
  if (sentJson(c)) return c.req.json().catch(() => null);
  return c.req.parseBody();
}

export function createDemoApp(store: DemoStore) {
  const app = new Hono();

  app.get('/', (c) => c.html(caseListPage(store.list())));

  app.get('/cases/new', (c) => {
    const prefill = { phone: c.req.query('phone')?.trim() ?? '', name: c.req.query('name')?.trim() ?? '' };
    const e164 = normalizeToE164(prefill.phone, DEMO_COUNTRY);
    const form = { title: e164 ? 'SMS conversation' : '', customer: prefill.name, phone: prefill.phone, address: '' };
    return c.html(newCasePage(form, e164 ? store.withPhone(e164) : []));
  });

  app.post('/cases', async (c) => {
    const parsed = NewCaseBody.safeParse(await body(c));
    if (!parsed.success) {
      const { field, message } = problem(parsed.error);
      if (sentJson(c)) return c.json({ error: 'invalid_request', field, message }, 400);
      const raw = (await c.req.parseBody()) as Record<string, string>;
      const form = { title: raw.title ?? '', customer: raw.customer ?? '', phone: raw.phone ?? '', address: raw.address ?? '' };
      return c.html(newCasePage(form, [], `${field}: ${message}`), 400);
    }
    const created = store.create(parsed.data);
    return sentJson(c) ? c.json(created, 201) : c.redirect(`/cases/${created.id}`, 303);
  });

  app.get('/cases/:id', (c) => {
    const found = store.get(c.req.param('id'));
    return found ? c.html(casePage(found)) : c.notFound();
  });

  app.post('/cases/:id/notes', async (c) => {
    const found = store.get(c.req.param('id'));
    if (!found) return sentJson(c) ? c.json({ error: 'not_found', field: 'id', message: 'no such case' }, 404) : c.notFound();
    const parsed = NoteBody.safeParse(await body(c));
    if (!parsed.success) {
      const { field, message } = problem(parsed.error);
      return sentJson(c) ? c.json({ error: 'invalid_request', field, message }, 400) : c.html(casePage(found, `${field}: ${message}`), 400);
    }
    store.addNote(found, parsed.data.note);
    return sentJson(c) ? c.json(found.notes.at(-1), 201) : c.redirect(`/cases/${found.id}#notes`, 303);
  });

  app.get('/search', (c) => {
    const query = c.req.query('phone')?.trim() ?? '';
    if (!query) return wantsJson(c) ? c.json({ error: 'invalid_request', field: 'phone', message: 'enter a phone number' }, 400) : c.html(searchPage('', null));
    const e164 = normalizeToE164(query, DEMO_COUNTRY);
    if (!e164) {
      return wantsJson(c)
        ? c.json({ error: 'invalid_request', field: 'phone', message: 'not a phone number' }, 400)
        : c.html(searchPage(query, null, 'phone: not a phone number'), 400);
    }
    const results = store.withPhone(e164);
    return wantsJson(c) ? c.json({ phone: e164, cases: results }) : c.html(searchPage(query, results));
  });

  app.notFound((c) => c.html(notFoundPage(), 404));

  return app;
}
