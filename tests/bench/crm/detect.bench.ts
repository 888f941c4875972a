// Phone detection on a generated 10,000-row CRM case list, in Chromium: Parley's initial pass and
// its incremental pass after 100 rows are added, beside a bare TreeWalker pass over the same nodes
// (the floor) and RingCentral's open-source click-to-dial detector `ringcentral-c2d` (the peer,
// LibPhoneNumberMatcher, country US), each on a freshly rendered page. Also the size of the
// scripts injected into CRM pages as built (.output/chrome-mv3, minified; gzip -9), each with what
// injects it. Figures, not asserts.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, type Rollup } from 'vite';

const ROWS = 10_000;
const ADDED = 100;
const ROUNDS = 5;
const root = resolve(import.meta.dirname, '../../..');
const OUTPUT = resolve(root, '.output/chrome-mv3');

type Bench = typeof import('./detect.page');
type Timing = { ms: number; found: number };

async function bundlePage(): Promise<string> {
  const output = (await build({
    root,
    logLevel: 'error',
    configFile: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(import.meta.dirname, 'detect.page.ts'), name: 'bench', formats: ['iife'], fileName: () => 'bench.js' },
    },
  })) as Rollup.RollupOutput[];
  return (output[0]!.output[0] as Rollup.OutputChunk).code;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function round(page: Page) {
  return page.evaluate(
    ({ rows, added }) => {
      const bench = (globalThis as unknown as { bench: Bench }).bench;
      bench.render(rows);
      const walk = bench.timed(() => bench.bareWalk([document.body]));
      bench.render(rows);
      const initial = bench.timed(() => bench.parleyInitial());
      const newRows = bench.addRows(rows, added);
      const walkAdded = bench.timed(() => bench.bareWalk(newRows));
      const incremental = bench.timed(() => bench.parleyIncremental(newRows));
      bench.render(rows);
      const plainLayout = bench.timed(() => bench.layout());
      bench.render(rows);
      const withButtons = bench.timed(() => bench.parleyInitialWithButtons());
      const buttonsLayout = bench.timed(() => bench.layout());
      bench.render(rows);
      const peer = bench.timed(() => bench.peerPass([document.body]));
      const peerRows = bench.addRows(rows, added);
      const peerIncremental = bench.timed(() => bench.peerPass(peerRows));
      return { walk, initial, walkAdded, incremental, peer, peerIncremental, plainLayout, withButtons, buttonsLayout };
    },
    { rows: ROWS, added: ADDED },
  );
}

// Every script the extension puts into a CRM page, with what puts it there.
const INJECTED = [
  ['content-scripts/crm.js', 'loader: every page of a CRM origin'],
  ['crm-detector.js', 'detector: injected when the page has candidates'],
  ['crm-ui.js', 'on demand: a case page (case reader), first SMS click, chat request or case search'],
] as const;

function sizes(): string[] {
  if (!existsSync(OUTPUT)) return ['  (no build in .output/chrome-mv3: run `npx wxt build` for the injected script sizes)'];
  return INJECTED.map(([file, role]) => {
    const path = resolve(OUTPUT, file);
    if (!existsSync(path)) return `  ${file}: missing from the build`;
    const code = readFileSync(path);
    return `  ${file.padEnd(24)} ${(code.length / 1024).toFixed(1).padStart(6)} KB minified  ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1).padStart(5)} KB gzip  (${role})`;
  });
}

async function main() {
  const script = await bundlePage();
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><body><script src="/bench.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/cases`);
    await round(page); // warm-up: JIT, style and layout caches
    const results: Array<Awaited<ReturnType<typeof round>>> = [];
    for (let i = 0; i < ROUNDS; i += 1) results.push(await round(page));
    const figure = (key: keyof (typeof results)[number]) => ({
      ms: median(results.map((result) => (result[key] as Timing).ms)),
      found: results[0]![key].found,
    });
    const walk = figure('walk');
    const initial = figure('initial');
    const peer = figure('peer');
    const walkAdded = figure('walkAdded');
    const incremental = figure('incremental');
    const peerIncremental = figure('peerIncremental');
    const line = (name: string, { ms, found }: Timing, unit: string) => `  ${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${String(found).padStart(7)} ${unit}`;
    console.log(`CRM table of ${ROWS.toLocaleString('en')} rows (one phone number each, plus ids, orders, dates, amounts); median of ${ROUNDS} rounds`);
    console.log(line('bare TreeWalker pass (floor)', walk, 'characters'));
    console.log(line('Parley initial detection pass', initial, 'numbers'));
    console.log(line('ringcentral-c2d LibPhoneNumberMatcher', peer, 'numbers'));
    console.log(`  Parley / floor: ${(initial.ms / walk.ms).toFixed(2)}×   (target ≤ 3×)   Parley / peer: ${(initial.ms / peer.ms).toFixed(2)}× (target < 1×)`);
    console.log('what the agent waits for (every button is built and inserted at once, none deferred):');
    console.log(line('Parley initial pass + an SMS button per number', figure('withButtons'), 'buttons'));
    const layoutLine = (name: string, key: 'plainLayout' | 'buttonsLayout') => `  ${name.padEnd(44)} ${figure(key).ms.toFixed(1).padStart(8)} ms`;
    console.log(layoutLine('browser layout of the page, no buttons', 'plainLayout'));
    console.log(layoutLine('browser layout of the page with the buttons', 'buttonsLayout'));
    console.log(`after adding ${ADDED} rows:`);
    console.log(line('bare TreeWalker over the new rows', walkAdded, 'characters'));
    console.log(line('Parley incremental pass (new rows only)', incremental, 'numbers'));
    console.log(line('ringcentral-c2d over the new rows', peerIncremental, 'numbers'));
    console.log('scripts injected into CRM pages (.output/chrome-mv3; target: the detector under 25 KB gzip):');
    for (const size of sizes()) console.log(size);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
