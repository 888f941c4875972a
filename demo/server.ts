// The demo CRM: a tiny case-management site on its own origin, so the extension meets it the way
// it meets a real CRM. It is not product code; it stays small and only grows what the flows need.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface DemoCase {
  id: string;
  title: string;
  status: string;
  customer: string;
  phones: Record<string, string>;
  address: string;
  notes: string;
}

const casesFile = fileURLToPath(new URL('./cases.json', import.meta.url));
const cases: DemoCase[] = JSON.parse(readFileSync(casesFile, 'utf8'));

// `html` escapes every interpolated value, so case data can never become markup.
const layout = (title: string, body: unknown) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title} · Demo CRM</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f4f6fa; }
      header { background: #23395d; color: #fff; padding: 12px 24px; font-weight: 600; }
      header a { color: #fff; text-decoration: none; }
      main { max-width: 880px; margin: 24px auto; background: #fff; padding: 24px 32px; border-radius: 8px;
             box-shadow: 0 1px 3px rgb(0 0 0 / 0.08); }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 8px; border-bottom: 1px solid #e3e7ef; }
      dt { font-weight: 600; margin-top: 12px; }
      dd { margin: 0; }
      .status { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e7eefb; font-size: 13px; }
    </style>
  </head>
  <body>
    <header><a href="/">Demo CRM</a></header>
    <main>${body}</main>
  </body>
</html>`;

const app = new Hono();

app.get('/', (c) =>
  c.html(
    layout(
      'Cases',
      html`<h1>Cases</h1>
        <table>
          <thead><tr><th>Case</th><th>Subject</th><th>Customer</th><th>Status</th></tr></thead>
          <tbody>
            ${cases.map(
              (k) => html`<tr>
                <td><a href="/cases/${k.id}">#${k.id}</a></td>
                <td>${k.title}</td>
                <td>${k.customer}</td>
                <td><span class="status">${k.status}</span></td>
              </tr>`,
            )}
          </tbody>
        </table>`,
    ),
  ),
);

app.get('/cases/:id', (c) => {
  const found = cases.find((k) => k.id === c.req.param('id'));
  if (!found) return c.html(layout('Not found', html`<h1>Case not found</h1>`), 404);
  return c.html(
    layout(
      `Case #${found.id}`,
      html`<h1 data-case-id="${found.id}">Case #${found.id}: ${found.title}</h1>
        <p><span class="status">${found.status}</span></p>
        <dl>
          <dt>Customer</dt>
          <dd>${found.customer}</dd>
          ${Object.entries(found.phones).map(
            ([label, phone]) => html`<dt>${label} phone</dt>
              <dd class="phone">${phone}</dd>`,
          )}
          <dt>Address</dt>
          <dd>${found.address}</dd>
          <dt>Notes</dt>
          <dd>${found.notes}</dd>
        </dl>`,
    ),
  );
});

const port = Number(process.env.DEMO_PORT ?? 8788);
const hostname = process.env.HOST ?? '127.0.0.1';
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Parley demo CRM listening on http://${hostname}:${info.port}`);
});
