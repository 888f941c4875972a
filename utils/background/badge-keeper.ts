import { liveQuery } from 'dexie';
import { totalUnread } from '../db/conversations';
import type { ParleyDb } from '../db/database';
import type { ConnectionState } from '../model/connection';
import { badgeFor, showBadge } from '../notify/badge';

/** Keeps the toolbar badge in step with the session state and the unread count, wherever either changes. */
export function keepBadgeCurrent(db: ParleyDb, session: { state: ConnectionState; onStateChange(listener: (state: ConnectionState) => void): () => void }): void {
  let unread = 0;
  const render = () => void showBadge(badgeFor(session.state, unread)).catch((error: unknown) => console.warn('[parley] could not update the badge', error));
  session.onStateChange(render);
  liveQuery(() => totalUnread(db)).subscribe({
    next: (count) => {
      unread = count;
      render();
    },
    error: (error: unknown) => console.error('[parley] unread count failed', error),
  });
}
