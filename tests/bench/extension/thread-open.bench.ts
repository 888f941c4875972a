// Opening a 50,000-message conversation in the real built extension (panel page in Debian's
// Chromium) and scrolling through it, beside a raw IndexedDB read of the newest 50 records of the
// same conversation in the same page and run. Figures only; nothing here asserts a timing.
//
// Run with a fresh build: `npx wxt build && npm run bench -- thread-open` (the e2e harness loads
// .output/chrome-mv3).
import { resolve } from 'node:path';
import { launchWithExtension } from '../../e2e/harness/browser';
import { bundleBenchPage } from '../bundle-page';

const MESSAGES = 50_000;
const ROUNDS = 11;
/** Pixels per frame while scrolling: a fast fling (~180,000 px/s at 60 fps). */
const STEP = 3_000;

type Page = typeof import('./thread-open.page');
type Open = Awaited<ReturnType<Page['openBig']>>;
type Scroll = Awaited<ReturnType<Page['scrollThrough']>>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Starts the page's CPU profiler; the returned function stops it and lists self time per function. */
async function profiler(page: import('playwright-core').Page): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const deltas = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, index) => {
      const frame = byId.get(id)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[index] ?? 0) / 1000);
    });
    return [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([key, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${key}`).join('\n');
  };
}

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: { url?: string; functionName?: string } } };

/**
 * Traces the page (BENCH_TRACE=scroll); the returned function stops and lists each main-thread task
 * of 50 ms or more with the longest events inside it (script, style, layout, GC), to name the slow frames.
 */
async function longTaskTrace(page: import('playwright-core').Page): Promise<() => Promise<string>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    const main = events.find((event) => event.name === 'thread_name' && (event.args as { name?: string } | undefined)?.name === 'CrRendererMain');
    const onMain = events.filter((event) => event.ph === 'X' && event.dur !== undefined && (!main || (event.pid === main.pid && event.tid === main.tid)));
    const long = onMain.filter((event) => event.name === 'RunTask' && event.dur! >= 50_000);
    return long
      .map((task) => {
        const inside = onMain
          .filter((event) => event !== task && event.ts >= task.ts && event.ts + event.dur! <= task.ts + task.dur! && event.name !== 'RunTask')
          .sort((a, b) => b.dur! - a.dur!)
          .slice(0, 6)
          .map((event) => `${event.name}${event.args?.data?.functionName ? ` ${event.args.data.functionName}` : ''}${event.args?.data?.url ? ` ${event.args.data.url.split('/').pop()}` : ''} ${(event.dur! / 1000).toFixed(1)}`);
        return `  ${(task.dur! / 1000).toFixed(0)} ms: ${inside.join(', ')}`;
      })
      .join('\n') || '  none';
  };
}

async function main() {
  const script = await bundleBenchPage(resolve(import.meta.dirname, 'thread-open.page.ts'));
  const browser = await launchWithExtension({ args: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => console.error(error));
    page.on('console', (message) => {
      if (message.type() === 'error' || process.env.BENCH_VERBOSE) console.error(`[panel] ${message.text()}`);
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(browser.extensionUrl('panel.html'));
    // The extension page's CSP forbids injected <script>; evaluation through the DevTools protocol is allowed.
    const load = () => page.evaluate(script);
    const run = <T>(call: string) => page.evaluate(call) as Promise<T>;
    await load();
    const seeded = performance.now();
    await run(`bench.seed(${MESSAGES})`);
    console.log(`seeded ${MESSAGES.toLocaleString('en')} messages through Dexie in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

    // A fresh panel, as the agent has it before clicking: sidebar listed, nothing open.
    await page.reload();
    await page.getByRole('button', { name: /Maria Lopez/ }).waitFor();
    await page.getByRole('button', { name: /Dan Osei/ }).waitFor();
    await load();

    const raw: number[] = [];
    const opens: Open[] = [];
    // BENCH_PROFILE=open: where the opening rounds spend the page's CPU (the profiler slows them).
    const openProfile = process.env.BENCH_PROFILE === 'open' ? await profiler(page) : null;
    for (let round = 0; round < ROUNDS; round++) {
      if (process.env.BENCH_VERBOSE) console.log(`round ${round}`);
      const read = await run<{ ms: number; rows: number }>('bench.rawNewest50()');
      if (read.rows !== 50) throw new Error(`raw read returned ${read.rows} rows`);
      raw.push(read.ms);
      opens.push(await run<Open>(`bench.openBig(${MESSAGES})`));
    }
    if (openProfile) console.log(`CPU self time over the opening rounds (profiled):\n${await openProfile()}`);
    const cdp = process.env.BENCH_PROFILE === 'scroll' || process.env.BENCH_PROFILE === '1' ? await profiler(page) : null;
    const trace = process.env.BENCH_TRACE === 'scroll' ? await longTaskTrace(page) : null;
    const scroll = await run<Scroll>(`bench.scrollThrough(${STEP})`).catch((error: unknown) => ({ error }) as unknown as Scroll);
    if (cdp) console.log(`CPU self time while scrolling:\n${await cdp()}`);
    if (trace) console.log(`tasks of 50 ms or more on the page's main thread while scrolling (traced):\n${await trace()}`);
    if ('error' in scroll) throw (scroll as unknown as { error: Error }).error;
    if (!scroll.reachedTop || !scroll.oldestShown?.startsWith('Customer text 0:')) throw new Error(`the scroll did not reach the oldest message (top shows ${scroll.oldestShown})`);

    const rawMs = median(raw);
    const inDom = median(opens.map((o) => o.inDomMs));
    const painted = median(opens.map((o) => o.paintedMs));
    const version = browser.context.browser()?.version() ?? 'Chromium';
    console.log(`opening a ${MESSAGES.toLocaleString('en')}-message conversation in the built panel, ${version}, median of ${ROUNDS}`);
    console.log(`all rounds (ms): raw read ${raw.map((v) => v.toFixed(1)).join(' / ')}; open→in DOM ${opens.map((o) => o.inDomMs.toFixed(1)).join(' / ')}; open→painted ${opens.map((o) => o.paintedMs.toFixed(1)).join(' / ')}`);
    console.log(`baseline: raw IndexedDB read of the newest 50 records     ${rawMs.toFixed(1).padStart(7)} ms`);
    console.log(`click → newest message in the DOM                          ${inDom.toFixed(1).padStart(7)} ms  (${(inDom / rawMs).toFixed(2)}× the raw read; target < 3×)`);
    console.log(`click → newest message painted (next frame)                ${painted.toFixed(1).padStart(7)} ms  (${(painted / rawMs).toFixed(2)}×)`);
    const phase = (key: keyof Open['phases']) => median(opens.map((o) => o.phases[key])).toFixed(1);
    console.log(`where an open goes (medians, ms after the click): first index read issued ${phase('firstReadIssuedMs')}, answered ${phase('firstReadDoneMs')}; click task and its render done ${phase('clickTaskDoneMs')}`);
    console.log(`click → thread length known (scrollbar spans all)         ${median(opens.map((o) => o.lengthKnownMs)).toFixed(1).padStart(7)} ms`);
    const last = opens.at(-1)!;
    console.log(`JS heap after GC: ${last.heapBeforeMb.toFixed(1)} MB with the small conversation open, ${last.heapAfterMb.toFixed(1)} MB with the 50k one (+${(last.heapAfterMb - last.heapBeforeMb).toFixed(1)} MB)`);
    console.log(
      `scroll newest → oldest at ${STEP} px/frame: ${scroll.frames} frames in ${scroll.seconds.toFixed(1)} s, frame median ${scroll.medianFrameMs.toFixed(1)} ms, p95 ${scroll.p95FrameMs.toFixed(1)} ms, longest ${scroll.longestFrameMs.toFixed(1)} ms (target ≤ 50), ` +
        `${scroll.framesOver50} frames over 50 ms (${scroll.slowFramesWithoutLongTask} of them without a task of 50 ms or more in the page), ${scroll.longTasks} long tasks (longest ${scroll.longestTaskMs.toFixed(0)} ms); ` +
        `oldest shown "${scroll.oldestShown?.slice(0, 30)}…"; ${scroll.domRows} rows in the DOM at the top; heap after GC ${scroll.heapMb.toFixed(1)} MB`,
    );
    console.log(`after the fling stops at the top, the oldest page is on screen after ${scroll.oldestPageMs.toFixed(0)} ms (reads of pages flung past drain first)`);
    console.log(`jump to the middle (scrollbar drag) → rows on screen: ${scroll.jumpToMiddleMs.toFixed(0)} ms`);
  } catch (error) {
    const pages = browser.context.pages();
    await pages.at(-1)?.screenshot({ path: resolve(import.meta.dirname, '../../artifacts/thread-open-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

await main();
