// The demo CRM's pages. `html` escapes every interpolated value, so case data (names, notes typed
// by agents or logged from SMS) can never become markup.
import { html } from 'hono/html';
import type { DemoCase } from './store';

export const layout = (title: string, body: unknown) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title} · Demo CRM</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f4f6fa; }
      header { background: #23395d; color: #fff; padding: 12px 24px; font-weight: 600; display: flex; gap: 24px; }
      header a { color: #fff; text-decoration: none; }
      main { max-width: 880px; margin: 24px auto; background: #fff; padding: 24px 32px; border-radius: 8px;
             box-shadow: 0 1px 3px rgb(0 0 0 / 0.08); }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: 8px; border-bottom: 1px solid #e3e7ef; }
      dt { font-weight: 600; margin-top: 12px; }
      dd { margin: 0; }
      label { display: block; font-weight: 600; margin-top: 12px; }
      input, textarea { font: inherit; width: 100%; box-sizing: border-box; padding: 6px 8px; }
      textarea { min-height: 6em; }
      button { margin-top: 12px; font: inherit; padding: 6px 14px; }
      .status { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e7eefb; font-size: 13px; }
      .error { color: #a01c1c; font-weight: 600; }
      .notes li { margin-bottom: 8px; white-space: pre-wrap; }
      time { color: #5b6478; font-size: 13px; }
    </style>
  </head>
  <body>
    <header><a href="/">Demo CRM</a><a href="/cases/new">New case</a><a href="/search">Search</a></header>
    <main>${body}</main>
  </body>
</html>`;

const caseRows = (cases: DemoCase[]) => html`<table>
  <thead><tr><th>Case</th><th>Subject</th><th>Customer</th><th>Status</th><th>Updated</th></tr></thead>
  <tbody>
    ${cases.map(
      (k) => html`<tr>
        <td><a href="/cases/${k.id}">#${k.id}</a></td>
        <td>${k.title}</td>
        <td>${k.customer}</td>
        <td><span class="status">${k.status}</span></td>
        <td><time datetime="${k.updatedAt}">${k.updatedAt.slice(0, 10)}</time></td>
      </tr>`,
    )}
  </tbody>
</table>`;

export const notFoundPage = () => layout('Not found', html`<h1>Not found</h1>`);

export const caseListPage = (cases: DemoCase[]) => layout('Cases', html`<h1>Cases</h1>${caseRows(cases)}`);

export const casePage = (found: DemoCase, error?: string) =>
  layout(
    `Case #${found.id}`,
    html`<h1 data-case-id="${found.id}">Case #${found.id}: <span class="case-title">${found.title}</span></h1>
      <p><span class="status">${found.status}</span></p>
      <dl>
        <dt>Customer</dt>
        <dd class="customer">${found.customer}</dd>
        ${Object.entries(found.phones).map(
          ([label, phone]) => html`<dt>${label} phone</dt>
            <dd class="phone">${phone}</dd>`,
        )}
        <dt>Address</dt>
        <dd class="address">${found.address}</dd>
      </dl>
      <section class="notes" id="notes">
        <h2>Notes</h2>
        <ol>
          ${found.notes.map((note) => html`<li><time datetime="${note.at}">${note.at.slice(0, 16).replace('T', ' ')}</time> ${note.text}</li>`)}
        </ol>
        <form method="post" action="/cases/${found.id}/notes">
          <label for="case-note">Add a note</label>
          ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
          <textarea id="case-note" name="note"></textarea>
          <button type="submit">Add note</button>
        </form>
      </section>`,
  );

export interface NewCaseForm {
  title: string;
  customer: string;
  phone: string;
  address: string;
}

export const newCasePage = (form: NewCaseForm, recent: DemoCase[], error?: string) =>
  layout(
    'New case',
    html`<h1>New case</h1>
      ${recent.length
        ? html`<section class="recent">
            <h2>Recent cases for this phone</h2>
            <ol>
              ${recent.map(
                (k) => html`<li><a href="/cases/${k.id}">Continue case #${k.id}</a>: ${k.title} (${k.status}, updated
                  <time datetime="${k.updatedAt}">${k.updatedAt.slice(0, 10)}</time>)</li>`,
              )}
            </ol>
          </section>`
        : ''}
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <form method="post" action="/cases">
        <label for="new-title">Subject</label>
        <input id="new-title" name="title" value="${form.title}" />
        <label for="new-customer">Customer</label>
        <input id="new-customer" name="customer" autocomplete="name" value="${form.customer}" />
        <label for="new-phone">Mobile phone</label>
        <input id="new-phone" name="phone" type="tel" autocomplete="tel" value="${form.phone}" />
        <label for="new-address">Address</label>
        <input id="new-address" name="address" autocomplete="street-address" value="${form.address}" />
        <button type="submit">Create case</button>
      </form>`,
  );

export const searchPage = (phone: string, results: DemoCase[] | null, error?: string) =>
  layout(
    'Search',
    html`<h1>Search by phone</h1>
      <form method="get" action="/search">
        <label for="search-phone">Phone</label>
        <input id="search-phone" name="phone" type="tel" value="${phone}" />
        <button type="submit">Search</button>
      </form>
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      ${results === null
        ? ''
        : results.length
          ? html`<h2>${results.length} case${results.length === 1 ? '' : 's'}, most recent first</h2>${caseRows(results)}`
          : html`<p>No case has this phone number.</p>`}`,
  );
