// Runs in the benchmark's Chromium page (bundled by detect.bench.ts): Parley's detection pass, the
// bare TreeWalker floor and RingCentral's open-source detector, on the same generated CRM table.
import { LibPhoneNumberMatcher } from 'ringcentral-c2d/matchers/LibPhoneNumberMatcher';
import { genericPageProfile } from '../../../utils/crm/profiles/generic';
import { mountSmsButtons } from '../../../utils/crm/sms-button';
import { findSpots, type SpotOptions } from '../../../utils/crm/spots';

// An ordinary page has no extension API; the SMS buttons only need their labels from it.
(globalThis as unknown as { browser: unknown }).browser = {
  runtime: { id: 'bench' },
  i18n: { getMessage: (key: string, substitution?: string) => (key === 'smsButton' ? 'SMS' : `Send SMS to ${substitution}`) },
};

const FORMATS = [
  (i: number) => `(503) 555-${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `+1 415 555 ${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `212.555.${String(i % 10_000).padStart(4, '0')} ext. 12`,
];

/** Builds an element with these children (text or elements). */
function el(tag: string, ...children: Array<Node | string>): HTMLElement {
  const element = document.createElement(tag);
  element.append(...children);
  return element;
}

/** One case row: a phone number among the figures a CRM list shows (ids, dates, amounts, orders). */
function row(i: number): HTMLElement {
  const link = el('a', `#${10_000 + i}`);
  link.setAttribute('href', `/cases/${10_000 + i}`);
  const status = el('span', 'Open');
  status.className = 'status';
  return el(
    'tr',
    el('td', link),
    el('td', `Parcel delayed, order #${48_000 + i}-77`),
    el('td', `Customer ${i}`),
    el('td', FORMATS[i % FORMATS.length]!(i)),
    el('td', `2026-11-${String((i % 28) + 1).padStart(2, '0')}`),
    el('td', `$${(i % 900) + 100}.90`),
    el('td', status),
  );
}

const rowsFrom = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(from + i));

export function render(rows: number): void {
  const head = el('tr', ...['Case', 'Subject', 'Customer', 'Phone', 'Updated', 'Total', 'Status'].map((name) => el('th', name)));
  document.body.replaceChildren(el('main', el('h1', 'Cases'), el('table', el('thead', head), el('tbody', ...rowsFrom(0, rows)))));
}

/** Appends rows the way a CRM's "load more" does; returns them (the roots a mutation batch gives). */
export function addRows(from: number, count: number): Element[] {
  const added = rowsFrom(from, count);
  document.querySelector('tbody')!.append(...added);
  return added;
}

// Per page, as utils/crm/phone-buttons.ts keeps them: fresh for each initial pass (nothing
// validated yet), kept for the incremental pass that follows it.
let seen = new WeakSet<Node>();
let options: SpotOptions = { profile: genericPageProfile, defaultCountry: 'US', verdicts: new Map() };

export function timed<T>(work: () => T): { ms: number; found: number } {
  const start = performance.now();
  const result = work() as unknown;
  const ms = performance.now() - start;
  return { ms, found: Array.isArray(result) ? result.length : Number(result) };
}

/** The floor: visiting every text node once and reading it, nothing else. */
export function bareWalk(roots: readonly Element[]): number {
  let characters = 0;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) characters += walker.currentNode.nodeValue!.length;
  }
  return characters;
}

export function parleyInitial() {
  seen = new WeakSet();
  options = { ...options, verdicts: new Map() };
  return findSpots([document.body], seen, options);
}

/** What the agent waits for: the initial pass and an SMS button in the page beside every number. */
export function parleyInitialWithButtons() {
  const spots = parleyInitial();
  mountSmsButtons(spots, () => undefined);
  return spots;
}

/** The browser laying the page out (what it does before it can paint), forced and timed. */
export function layout(): number {
  return document.body.getBoundingClientRect().height;
}

export function parleyIncremental(roots: readonly Element[]) {
  return findSpots(roots, seen, options);
}

const peer = new LibPhoneNumberMatcher({ countryCode: 'US' });

export function peerPass(roots: readonly Element[]) {
  return roots.flatMap((root) => peer.match({ node: root }) ?? []);
}
