import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepBadgeCurrent } from '../../utils/background/badge-keeper';
import { keepSessionAlive } from '../../utils/background/watchdog';
import { upsertConversation } from '../../utils/db/conversations';
import { openDb, type ParleyDb } from '../../utils/db/database';
import type { ConnectionState } from '../../utils/model/connection';
import { conversation } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

let db: ParleyDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
  db = openDb(`wiring-${++n}`);
});
afterEach(() => db.delete());

describe('watchdog', () => {
  it('schedules one periodic alarm, kept across worker restarts, and resumes the session whenever it fires', async () => {
    const resume = vi.fn(async () => undefined);
    keepSessionAlive(resume);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('parley-session-watchdog')).toMatchObject({ periodInMinutes: 0.5 }));

    // The worker stops: its listeners are gone, the alarm stays. The restarted worker keeps its schedule.
    fakeBrowser.alarms.onAlarm.removeAllListeners();
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    keepSessionAlive(resume);
    await fakeBrowser.alarms.getAll();

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'parley-session-watchdog', scheduledTime: Date.now(), periodInMinutes: 0.5 });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-else', scheduledTime: Date.now() });
    expect(resume).toHaveBeenCalledTimes(1);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('badge keeper', () => {
  it('follows the session state and the unread count', async () => {
    const listeners = new Set<(state: ConnectionState) => void>();
    const session = {
      state: { status: 'connecting' } as ConnectionState,
      onStateChange: (listener: (state: ConnectionState) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    keepBadgeCurrent(db, session);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('…'));

    session.state = { status: 'online' };
    listeners.forEach((listener) => listener(session.state));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));

    await upsertConversation(db, conversation());
    await db.conversations.update('c1', { unread: 4 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('4'));
    expect(await fakeBrowser.action.getTitle({})).toBe('Parley — online · 4 unread');
  });
});
