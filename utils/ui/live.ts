import { liveQuery } from 'dexie';

/**
 * Bridges a Dexie query into a signal: `onValue` runs now and after every change to the rows it
 * read, in this page or in the background (Dexie broadcasts writes across same-origin contexts).
 * Returns the unsubscribe, so it fits an effect's cleanup.
 */
export function live<T>(query: () => Promise<T>, onValue: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next: onValue,
    error: (error) => console.error('[parley] live query failed', error),
  });
  return () => subscription.unsubscribe();
}
