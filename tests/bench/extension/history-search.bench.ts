// Searching the whole local history (issue 5: text, name, number) over 100,000 messages in the
// built extension's panel page in Debian's Chromium: the word index (schema v3, utils/db/search.ts)
// beside a scan of the messages table that stops at the first 50 hits, in the same page and run;
// and what the index costs when writing. Figures only; nothing here asserts a timing.
//
// Run with a fresh build: `npx wxt build && npm run bench -- history-search`.
import { resolve } from 'node:path';
import { launchWithExtension } from '../../e2e/harness/browser';
import { bundleBenchPage } from '../bundle-page';

const MESSAGES = 100_000;
const ROUNDS = 5;

type Timing = Awaited<ReturnType<typeof import('./history-search.page')['timeQuery']>>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const QUERIES: Array<[string, string]> = [
  ['refund4417', 'a word in 4 messages'],
  ['w1x', 'a prefix of ~1% of messages'],
  ['parcel', 'a word in ~30% of messages'],
  ['order w', 'two words, one common'],
  ['nothingmatches', 'no match at all'],
];

async function main() {
  const script = await bundleBenchPage(resolve(import.meta.dirname, 'history-search.page.ts'));
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error(error));
    await page.goto(browser.extensionUrl('panel.html'));
    await page.evaluate(script);
    const seeded = await page.evaluate(`bench.seed(${MESSAGES})`) as { withIndexMs: number; withoutIndexMs: number };
    const version = browser.context.browser()?.version() ?? 'Chromium';
    console.log(`history search over ${MESSAGES.toLocaleString('en')} messages in 500 conversations, ${version}, median of ${ROUNDS}`);
    console.log(
      `writing them in 2,000-row transactions: ${(seeded.withIndexMs / 1000).toFixed(1)} s with the word index, ` +
        `${(seeded.withoutIndexMs / 1000).toFixed(1)} s without (${(seeded.withIndexMs / seeded.withoutIndexMs).toFixed(2)}×)`,
    );
    for (const [query, what] of QUERIES) {
      const timings: Timing[] = [];
      for (let round = 0; round < ROUNDS; round++) timings.push(await page.evaluate(`bench.timeQuery(${JSON.stringify(query)})`) as Timing);
      const index = median(timings.map((t) => t.indexMs));
      const scan = median(timings.map((t) => t.scanMs));
      console.log(
        `"${query}" (${what}): word index ${index.toFixed(1).padStart(7)} ms, ${timings[0]!.indexHits} hits (with the conversation scan) | ` +
          `table scan to 50 hits ${scan.toFixed(1).padStart(7)} ms, ${timings[0]!.scanHits} hits | scan / index ${(scan / index).toFixed(2)}`,
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
