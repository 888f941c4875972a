// Runs inside the built extension's panel page for thread-open.bench.ts (bundled by it with Vite
// and evaluated there): seeds the extension's own database through Dexie, and measures, in the
// page, what the agent feels — opening a conversation, scrolling it — beside a raw IndexedDB read.
import { openDb } from '../../../utils/db/database';
import { activityAt } from '../../../utils/model/conversation';

const start = Date.parse('2026-01-01T00:00:00Z');
const customer = '+15035550142';

function body(i: number): string {
  // Mixed lengths, so rows have different heights as real threads do.
  const base = i % 2 === 0 ? `Customer text ${i}: where is my parcel, it was due on Tuesday?` : `Reply ${i}: it ships today, tracking follows by SMS.`;
  return i % 7 === 0 ? `${base} ${base} ${base}` : base;
}

/** One conversation of `count` messages (the one measured) and a small one to switch from. */
export async function seed(count: number): Promise<void> {
  const db = openDb();
  await db.open();
  const conversation = (id: string, title: string, last: number, preview: string) => {
    const row = { id, type: 'sms' as const, customerNumber: id === 'big' ? customer : '+15035550177', didNumber: '+15035550100', title, createdAt: start, lastMessageAt: last, lastMessagePreview: preview };
    return { ...row, activityAt: activityAt(row), unread: 0 };
  };
  await db.conversations.bulkPut([conversation('big', 'Maria Lopez', start + count * 1000, body(count - 1)), conversation('small', 'Dan Osei', start + 1000, 'Hi')]);
  await db.messages.put({ id: 'small-1', conversationId: 'small', direction: 'inbound', body: 'Hi', from: '+15035550177', to: '+15035550100', status: 'received', failureReason: null, senderAgentId: null, idempotencyKey: null, createdAt: start + 1000, thread: 'number:+15035550177' });
  for (let at = 0; at < count; at += 5000) {
    const rows = [];
    for (let i = at; i < Math.min(count, at + 5000); i++) {
      const inbound = i % 2 === 0;
      rows.push({
        id: `big-${String(i).padStart(6, '0')}`,
        conversationId: 'big',
        direction: inbound ? ('inbound' as const) : ('outbound' as const),
        body: body(i),
        from: inbound ? customer : '+15035550100',
        to: inbound ? '+15035550100' : customer,
        status: inbound ? ('received' as const) : ('delivered' as const),
        failureReason: null,
        senderAgentId: inbound ? null : 'a1',
        idempotencyKey: null,
        createdAt: start + i * 1000,
        // As every write path stores it (utils/db/thread-key.ts): the number's history.
        thread: `number:${customer}`,
      });
    }
    await db.messages.bulkPut(rows);
  }
  db.close();
}

/** The floor: the newest 50 records of the conversation, straight off the timeline index, raw IndexedDB. */
export async function rawNewest50(): Promise<{ ms: number; rows: number }> {
  const began = performance.now();
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('parley');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const found: unknown[] = [];
    const index = idb.transaction('messages').objectStore('messages').index('[conversationId+createdAt]');
    const request = index.openCursor(IDBKeyRange.bound(['big', -Infinity], ['big', Infinity]), 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor && found.length < 50) {
        found.push(cursor.value);
        cursor.continue();
      } else resolve(found);
    };
    request.onerror = () => reject(request.error);
  });
  const ms = performance.now() - began;
  idb.close();
  return { ms, rows: rows.length };
}

const heapMb = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20;
const gc = () => (globalThis as unknown as { gc?: () => void }).gc?.();
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function conversationButton(title: string): HTMLButtonElement {
  const button = [...document.querySelectorAll<HTMLButtonElement>('.inbox__button')].find((b) => b.textContent?.includes(title));
  if (!button) throw new Error(`no sidebar row for ${title}`);
  return button;
}

/** Resolves when a message with `text` is in the thread: when the DOM has it, and at the next frame (painted). */
function whenRendered(text: string): Promise<{ inDom: number; painted: number }> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`"${text}" was not rendered within 30 s`)), 30_000);
    const found = () => [...document.querySelectorAll('.thread .bubble__body')].some((node) => node.textContent === text);
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      const inDom = performance.now();
      requestAnimationFrame(() => resolve({ inDom, painted: performance.now() }));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

/**
 * Click the big conversation in the sidebar (after showing the small one) and time until its
 * newest message is in the DOM and painted; heap after a GC, before and after.
 */
export async function openBig(count: number): Promise<{
  inDomMs: number;
  paintedMs: number;
  lengthKnownMs: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  phases: { firstReadIssuedMs: number; firstReadDoneMs: number; clickTaskDoneMs: number };
}> {
  conversationButton('Dan Osei').click();
  await whenRendered('Hi');
  await nextFrame();
  gc();
  const heapBeforeMb = heapMb();
  // The click comes in a task of its own, as the agent's click does (a discrete input event), not
  // from inside the animation-frame callback awaited above: there the frame's style, layout and
  // paint of the selection would run in the click's own task, before IndexedDB could answer.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const rendered = whenRendered(body(count - 1));
  const phases = watchPhases();
  const began = performance.now();
  conversationButton('Maria Lopez').click();
  // Queued behind the click's own work (the panel's re-render for the selection runs in its microtasks).
  setTimeout(() => (phases.clickTaskDone ??= performance.now()), 0);
  const { inDom, painted } = await rendered;
  phases.stop();
  // The thread's length arrives separately (it does not hold up the first page): until then the
  // scrollbar covers only the newest page.
  while (!document.querySelector(`.thread li[aria-setsize="${count}"]`)) {
    if (performance.now() - began > 30_000) throw new Error(`the thread's length (${count}) was not known within 30 s`);
    await nextFrame();
  }
  const lengthKnown = performance.now();
  for (let i = 0; i < 10; i++) await nextFrame();
  // The older pages joined above the first one: the thread must still sit at its newest message.
  const thread = document.querySelector<HTMLElement>('.thread')!.getBoundingClientRect();
  const newest = [...document.querySelectorAll<HTMLElement>('.thread li')].find((row) => row.textContent?.includes(body(count - 1)));
  const at = newest?.getBoundingClientRect();
  if (!at || at.top < thread.top || at.bottom > thread.bottom + 1) throw new Error('the newest message left the screen when the thread length arrived');
  gc();
  const since = (at: number | undefined) => (at === undefined ? -1 : at - began);
  return {
    inDomMs: inDom - began,
    paintedMs: painted - began,
    lengthKnownMs: lengthKnown - began,
    heapBeforeMb,
    heapAfterMb: heapMb(),
    phases: { firstReadIssuedMs: since(phases.readIssued), firstReadDoneMs: since(phases.readDone), clickTaskDoneMs: since(phases.clickTaskDone) },
  };
}

/**
 * Where an open's time goes, seen from outside the product: when the first IndexedDB index cursor
 * after the click is opened and when it first answers, and when a task queued right after the click
 * runs (after the click handler and the render it set off).
 */
function watchPhases() {
  const phases: { readIssued?: number; readDone?: number; clickTaskDone?: number; stop: () => void } = { stop: () => undefined };
  // Dexie reads a page with getAllRecords where the browser has it (IndexedDB 3), else a cursor.
  const methods = (['openCursor', 'getAll', 'getAllRecords'] as const).filter((name) => name in IDBIndex.prototype);
  const index = IDBIndex.prototype as unknown as Record<string, (...args: unknown[]) => IDBRequest>;
  const originals = methods.map((name) => [name, index[name]!] as const);
  for (const [name, original] of originals) {
    index[name] = function (this: IDBIndex, ...args: unknown[]) {
      const request = original.apply(this, args);
      if (phases.readIssued === undefined) {
        phases.readIssued = performance.now();
        request.addEventListener('success', () => (phases.readDone ??= performance.now()), { once: true });
      }
      return request;
    };
  }
  phases.stop = () => {
    for (const [name, original] of originals) index[name] = original;
  };
  return phases;
}

/**
 * Scroll the open thread from the newest message to the oldest, `step` pixels a frame (a fast
 * wheel/trackpad fling), timing every frame; then jump to the middle, as a scrollbar drag does.
 */
export async function scrollThrough(step: number): Promise<{
  frames: number;
  longestFrameMs: number;
  medianFrameMs: number;
  p95FrameMs: number;
  framesOver50: number;
  /** Of those, the frames during which the page ran no task of 50 ms or more (long tasks): on a shared machine, mostly waiting for a CPU. */
  slowFramesWithoutLongTask: number;
  longTasks: number;
  longestTaskMs: number;
  seconds: number;
  reachedTop: boolean;
  oldestPageMs: number;
  oldestShown: string | null;
  heapMb: number;
  domRows: number;
  jumpToMiddleMs: number;
}> {
  const log = document.querySelector<HTMLElement>('.thread')!;
  const tasks: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })));
  observer.observe({ type: 'longtask', buffered: false });
  const deltas: number[] = [];
  const slow: Array<{ start: number; end: number }> = [];
  let last = await nextFrame();
  const began = last;
  let stuck = 0;
  const trace: number[] = [];
  while (stuck < 30 && last - began < 180_000) {
    const before = log.scrollTop;
    log.scrollTop = Math.max(0, before - step);
    const now = await nextFrame();
    deltas.push(now - last);
    if (now - last > 50) slow.push({ start: last, end: now });
    last = now;
    if (deltas.length % 100 === 0) {
      trace.push(Math.round(log.scrollTop));
      console.debug(`frame ${deltas.length}: scrollTop ${Math.round(log.scrollTop)} of ${log.scrollHeight}, longest frame so far ${Math.max(...deltas).toFixed(0)} ms`);
    }
    // At the top, keep going a few frames: rows measured there can still move the offset.
    stuck = log.scrollTop === 0 ? stuck + 1 : 0;
  }
  console.debug(`scrollTop every 100 frames: ${trace.join(' ')}`);
  const seconds = (last - began) / 1000;
  // At the top, the oldest page is read once the scroll stops there.
  const stopped = performance.now();
  while (!log.querySelector('li[aria-posinset="1"] .bubble__body') && performance.now() - stopped < 120_000) await nextFrame();
  const oldestPageMs = performance.now() - stopped;
  const firstRow = log.querySelector('li[aria-posinset="1"] .bubble__body');
  console.debug(`at the top: pages in the DOM ${[...log.querySelectorAll('.thread__page')].map((page) => `${page.getAttribute('data-index')}:${page.querySelectorAll('.bubble__body').length}/${page.children.length}`).join(' ')}`);
  const domRows = log.querySelectorAll('.thread__page > li').length;
  gc();
  const heap = heapMb();

  // A scrollbar drag to the middle: how long until the rows there are on screen.
  const jumpBegan = performance.now();
  log.scrollTop = log.scrollHeight / 2;
  let jumpToMiddleMs = -1;
  for (let i = 0; i < 300; i++) {
    await nextFrame();
    const rows = [...log.querySelectorAll('.thread__page > li')];
    const visible = rows.filter((row) => {
      const box = row.getBoundingClientRect();
      const view = log.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
    if (visible.length > 0 && visible.every((row) => row.querySelector('.bubble__body, .pill'))) {
      jumpToMiddleMs = performance.now() - jumpBegan;
      break;
    }
  }
  observer.disconnect();
  return {
    frames: deltas.length,
    longestFrameMs: Math.max(...deltas),
    medianFrameMs: [...deltas].sort((a, b) => a - b)[Math.floor(deltas.length / 2)]!,
    p95FrameMs: [...deltas].sort((a, b) => a - b)[Math.floor(deltas.length * 0.95)]!,
    framesOver50: deltas.filter((delta) => delta > 50).length,
    slowFramesWithoutLongTask: slow.filter((frame) => !tasks.some((task) => task.start < frame.end && task.end > frame.start)).length,
    longTasks: tasks.length,
    longestTaskMs: tasks.length ? Math.max(...tasks.map((task) => task.end - task.start)) : 0,
    seconds,
    reachedTop: firstRow !== null,
    oldestPageMs,
    oldestShown: firstRow?.textContent ?? null,
    heapMb: heap,
    domRows,
    jumpToMiddleMs,
  };
}
