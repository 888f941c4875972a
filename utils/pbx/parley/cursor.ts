/**
 * Tracks the last event cursor handed to the app. The server promises no duplicates on resume,
 * but a socket that reconnects while frames are in flight could still deliver one twice; dropping
 * anything at or below the last cursor keeps the "in order, exactly once" promise local too.
 */
export class CursorTracker {
  constructor(private last: number) {}

  get value(): number {
    return this.last;
  }

  /** True if the event is new and advances the cursor; false if it was already delivered. */
  accept(cursor: number): boolean {
    if (cursor <= this.last) return false;
    this.last = cursor;
    return true;
  }

  reset(cursor: number): void {
    this.last = cursor;
  }
}

/** The WebSocket URL for resuming after `cursor`; the token goes in the query (browsers cannot set headers). */
export function eventsUrl(serverUrl: string, cursor: number, accessToken: string): string {
  const url = new URL('/v1/events', serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('cursor', String(cursor));
  url.searchParams.set('access_token', accessToken);
  return url.toString();
}
