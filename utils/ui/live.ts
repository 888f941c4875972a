import { liveQuery } from 'dexie';
import { db } from '../db/database';
import { runLiveQuery, type LiveQueryArgs, type LiveQueryName, type LiveQueryValue } from '../db/live-queries';
import { createBackgroundLiveQueries } from './live-through-background';

type Source = 'local' | 'background';
let source: Promise<Source> | undefined;
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
      () => 'local' as const,
      (error: unknown) => {
        console.info('[parley] IndexedDB is not available here; reading through the background', error);
        return 'background' as const;
      },
    ));
}

/**
 * Bridges a named Dexie query into a signal: `onValue` runs now and after every change to the rows
 * it read, wherever they were written. Returns the unsubscribe, so it fits an effect's cleanup.
 */
export function live<N extends LiveQueryName>(name: N, args: LiveQueryArgs<N>, onValue: (value: LiveQueryValue<N>) => void): () => void {
  let stop: (() => void) | undefined;
  let cancelled = false;
  const deliver = onValue as (value: unknown) => void;
  void chooseSource().then((where) => {
    if (cancelled) return;
    if (where === 'local') {
      const subscription = liveQuery(() => runLiveQuery(db(), name, args)).subscribe({
        next: deliver,
        error: (error) => console.error('[parley] live query failed', error),
      });
      stop = () => subscription.unsubscribe();
    } else {
      throughBackground ??= createBackgroundLiveQueries();
      stop = throughBackground(name, [...args], deliver);
    }
  });
  return () => {
    cancelled = true;
    stop?.();
  };
}
