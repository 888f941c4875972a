import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../utils/model/connection';
import { nextSessionState, type SessionInput } from '../../utils/session/machine';

const signedOut: ConnectionState = { status: 'signed-out' };
const connecting: ConnectionState = { status: 'connecting' };
const online: ConnectionState = { status: 'online' };
const offline = (retryAt: number): ConnectionState => ({ status: 'offline', retryAt });
const authFailed: ConnectionState = { status: 'auth-failed' };
const report = (state: ConnectionState): SessionInput => ({ type: 'report', state });

const run = (inputs: SessionInput[], from: ConnectionState = signedOut) => inputs.reduce(nextSessionState, from);

describe('session state machine', () => {
  it('walks a session through its life: sign in, online, drop, retry, back online, sign out', () => {
    const states: ConnectionState[] = [];
    [{ type: 'sign-in' }, report(online), report(offline(5_000)), report(connecting), report(offline(9_000)), report(connecting), report(online), { type: 'sign-out' }].reduce(
      (state: ConnectionState, input) => {
        const next = nextSessionState(state, input as SessionInput);
        states.push(next);
        return next;
      },
      signedOut,
    );
    expect(states.map((s) => s.status)).toEqual(['connecting', 'online', 'offline', 'connecting', 'offline', 'connecting', 'online', 'signed-out']);
    expect(states[2]).toEqual(offline(5_000));
  });

  it('moves to auth-failed from any running state when the PBX rejects the session', () => {
    for (const from of [connecting, online, offline(1)]) expect(nextSessionState(from, report(authFailed))).toEqual(authFailed);
  });

  it('ignores what a leftover connection reports after sign-out or after the session was rejected', () => {
    for (const stale of [connecting, online, offline(1), authFailed]) {
      expect(nextSessionState(signedOut, report(stale))).toEqual(signedOut);
      expect(nextSessionState(authFailed, report(stale))).toEqual(authFailed);
    }
  });

  it('leaves signing out to the agent: a connector report of signed-out changes nothing', () => {
    expect(nextSessionState(online, report(signedOut))).toEqual(online);
  });

  it('only lets the link go online from connecting, never straight from offline', () => {
    expect(nextSessionState(offline(1), report(online))).toEqual(offline(1));
    expect(nextSessionState(connecting, report(online))).toEqual(online);
  });

  it('restarts from any state when the agent signs in or a stored session resumes', () => {
    for (const from of [signedOut, authFailed, online, offline(1)]) {
      expect(run([{ type: 'sign-in' }], from)).toEqual(connecting);
      expect(run([{ type: 'resume' }], from)).toEqual(connecting);
    }
  });
});
