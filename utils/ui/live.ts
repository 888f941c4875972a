import { liveQuery } from 'dexie';
import { db } from '../db/database';
import { runLiveQuery, type LiveQueryArgs, type LiveQueryName, type LiveQueryValue } from '../db/live-queries';
import { afterNextPaint } from './after-paint';
import { createBackgroundLiveQueries } from './live-through-background';

type Source = 'local' | 'background';
let source: Promise<Source> | undefined;
/** The source once known, so later queries start in the same task rather than a microtask later. */
let known: Source | undefined;
let throughBackground: ReturnType<typeof createBackgroundLiveQueries> | undefined;

/**
 * Where this page reads from, decided once: its own IndexedDB (side panel, tab) when it opens,
 * else the background runs the queries for it (a dock iframe whose storage the browser blocks as
 * third-party).
 */
function chooseSource(): Promise<Source> {
  return (source ??= db()
    .open()
    .then(
      () => (known = 'local'),
      (error: unknown) => {
        console.info('[parley] IndexedDB is not available here; reading through the background', error);
        return (known = 'background');
      },
    ));
}

type Options = {
  /**
   * Read the first value at once, in this task. Dexie's liveQuery runs its first query only after a
   * setTimeout(0), that is after whatever else this task does (the panel re-rendering for a new
   * selection): for what the agent waits for (a thread's newest page) the read starts now and
   * runs in IndexedDB beside that render. The live query subscribes once that value is painted (its
   * own first read would otherwise run, and queue in IndexedDB, before the value reaches the
   * screen); its first value is dropped when it equals the one delivered, so the view is not
   * rendered twice, and a change in between is delivered then.
   */
  now?: boolean;
};

/**
 * Bridges a named Dexie query into a signal: `onValue` runs now and after every change to the rows
 * it read, wherever they were written. Returns the unsubscribe, so it fits an effect's cleanup.
 */
export function live<N extends LiveQueryName>(name: N, args: LiveQueryArgs<N>, onValue: (value: LiveQueryValue<N>) => void, options: Options = {}): () => void {
  let stop: (() => void) | undefined;
  let cancelled = false;
  const deliver = onValue as (value: unknown) => void;
  const start = (where: Source) => {
    if (cancelled) return;
    if (where === 'local') stop = watchLocal(name, args, deliver, options.now === true);
    else {
      throughBackground ??= createBackgroundLiveQueries();
      stop = throughBackground(name, [...args], deliver);
    }
  };
  if (known) start(known);
  else void chooseSource().then(start);
  return () => {
    cancelled = true;
    stop?.();
  };
}

/** A named query over this page's own IndexedDB, as a Dexie liveQuery (see Options.now for `now`). */
function watchLocal(name: LiveQueryName, args: readonly unknown[], deliver: (value: unknown) => void, now: boolean): () => void {
  let closed = false;
  let subscription: { unsubscribe(): void } | undefined;
  let cancelWait = (): void => undefined;
  const subscribe = (early?: unknown) => {
    if (closed) return;
    let first = true;
    subscription = liveQuery(() => runLiveQuery(db(), name, args)).subscribe({
      next: (value) => {
        const unchanged = first && early !== undefined && JSON.stringify(value) === JSON.stringify(early);
        first = false;
        if (!unchanged) deliver(value);
      },
      error: (error) => console.error('[parley] live query failed', error),
    });
  };
  if (now) {
    runLiveQuery(db(), name, args).then(
      (value) => {
        if (closed) return;
        deliver(value);
        cancelWait = afterNextPaint(() => subscribe(value));
      },
      () => subscribe(), // the live query reports the same failure
    );
  } else subscribe();
  return () => {
    closed = true;
    cancelWait();
    subscription?.unsubscribe();
  };
}
