import { browser } from 'wxt/browser';

const WATCHDOG = 'parley-session-watchdog';

/**
 * The browser may stop the background whenever it is idle, timers and all, e.g. while it waits to
 * retry an unreachable server. A periodic alarm starts it again (30 s, the shortest period Chrome
 * allows), and resuming is a no-op while a session already runs. The listener is registered
 * synchronously so the alarm that wakes the worker is delivered.
 */
export function keepSessionAlive(resume: () => Promise<void>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCHDOG) void resume();
  });
  void browser.alarms.get(WATCHDOG).then((existing) => {
    if (!existing) void browser.alarms.create(WATCHDOG, { periodInMinutes: 0.5 });
  });
}
