import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertToneSchema, DEFAULT_ALERT_TONE, readPreference } from '../../utils/model/preferences';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The settings module runs its migrations when it is loaded, like the extension at start-up. */
async function loadSettings() {
  vi.resetModules();
  return import('../../utils/settings');
}

const agent = { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' };

describe('settings', () => {
  it('migrates a version 1 server URL and session to the normalized origin', async () => {
    // What version 1 stored: the URL as typed, without version metadata.
    await fakeBrowser.storage.local.set({
      serverUrl: 'http://pbx.example.com:8787/',
      session: { serverUrl: 'http://pbx.example.com:8787/', refreshToken: 'r1', agent },
    });
    const { serverUrlItem, sessionItem } = await loadSettings();
    expect(await serverUrlItem.getValue()).toBe('http://pbx.example.com:8787');
    expect(await sessionItem.getValue()).toEqual({ serverUrl: 'http://pbx.example.com:8787', refreshToken: 'r1', agent });
    expect(await serverUrlItem.getMeta()).toEqual({ v: 2 });
  });

  it('migrates a stored sign-out (null session) without inventing one', async () => {
    await fakeBrowser.storage.local.set({ session: null, serverUrl: 'https://pbx.example.com/' });
    const { sessionItem, serverUrlItem } = await loadSettings();
    expect(await sessionItem.getValue()).toBeNull();
    expect(await serverUrlItem.getValue()).toBe('https://pbx.example.com');
  });

  it('serves defaults for a fresh install and stores new values at the current version', async () => {
    const { serverUrlItem, alertToneItem, smsSplittingItem, notificationRulesItem, DEFAULT_SERVER_URL } = await loadSettings();
    expect(await serverUrlItem.getValue()).toBe(DEFAULT_SERVER_URL);
    expect(await alertToneItem.getValue()).toEqual({ enabled: true, volume: 0.8 });
    expect(await smsSplittingItem.getValue()).toEqual({ enabled: false });
    expect(await notificationRulesItem.getValue()).toEqual({ newConversations: true, laterMessages: true });
    await serverUrlItem.setValue('http://other:8787');
    expect(await serverUrlItem.getMeta()).toEqual({ v: 2 });
  });

  it('falls back to the default when a stored preference does not parse', () => {
    expect(readPreference(AlertToneSchema, { enabled: 'yes' }, DEFAULT_ALERT_TONE)).toEqual(DEFAULT_ALERT_TONE);
    expect(readPreference(AlertToneSchema, { enabled: false, volume: 0.3 }, DEFAULT_ALERT_TONE)).toEqual({ enabled: false, volume: 0.3 });
  });

  it('normalizes server URLs to their origin', async () => {
    const { normalizeServerUrl } = await loadSettings();
    expect(normalizeServerUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(normalizeServerUrl('https://PBX.example.com/v1/')).toBe('https://pbx.example.com');
  });
});
