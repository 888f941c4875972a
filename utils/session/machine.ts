import type { ConnectionState } from '../model/connection';

/**
 * The session's state machine. Two kinds of input move it:
 * - the agent's intents (sign in, resume a stored session at start-up, sign out), which are always
 *   obeyed;
 * - what the connector reports about the link (connecting, online, offline until retryAt, auth
 *   failed), which only counts while a session is running. A socket that opens or drops after the
 *   agent signed out, or after the PBX rejected the session, is a leftover and must not flip the
 *   state back.
 *
 *   signed-out ──sign-in/resume──▶ connecting ──▶ online ──▶ offline(retryAt) ──▶ connecting …
 *        ▲                            │  ▲           │            │
 *        └──────── sign-out ──────────┴──┴───────────┴────────────┤
 *   auth-failed ◀── PBX rejects the session (from any running state) ┘
 */
export type SessionInput =
  | { type: 'sign-in' }
  | { type: 'resume' }
  | { type: 'sign-out' }
  | { type: 'report'; state: ConnectionState };

const running = new Set<ConnectionState['status']>(['connecting', 'online', 'offline']);

/** Which reported states may follow which: the link's own life cycle. */
const reportable: Record<ConnectionState['status'], ReadonlyArray<ConnectionState['status']>> = {
  connecting: ['online', 'offline', 'auth-failed', 'connecting'],
  online: ['offline', 'connecting', 'auth-failed'],
  offline: ['connecting', 'offline', 'auth-failed'],
  'signed-out': [],
  'auth-failed': [],
};

export function nextSessionState(current: ConnectionState, input: SessionInput): ConnectionState {
  switch (input.type) {
    case 'sign-in':
    case 'resume':
      return { status: 'connecting' };
    case 'sign-out':
      return { status: 'signed-out' };
    case 'report': {
      const proposed = input.state;
      // The connector reports signed-out when it is told to disconnect: that is the intent's job.
      if (proposed.status === 'signed-out') return current;
      if (!running.has(current.status)) return current;
      return reportable[current.status].includes(proposed.status) ? proposed : current;
    }
  }
}
