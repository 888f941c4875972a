import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsForm } from '../../components/OptionsForm';
import { PopupView } from '../../components/PopupView';
import { upsertConversation } from '../../utils/db/conversations';
import { db } from '../../utils/db/database';
import { alertToneItem, connectionItem, notificationRulesItem, sessionItem, smsSplittingItem } from '../../utils/settings';
import { conversation } from '../setup/fixtures';
import { installI18n } from '../setup/i18n';

let sent: Array<{ name: string; payload: unknown }>;

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { name: string; payload: unknown }) => {
    sent.push(envelope);
    return { ok: true, value: {} };
  }) as never);
  await Promise.all(db().tables.map((table) => table.clear()));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('popup', () => {
  it('shows the agent, the state with its countdown and "Retry now", and the unread count', async () => {
    await sessionItem.setValue({ serverUrl: 'http://pbx.test', refreshToken: 'r', agent: { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' } });
    await connectionItem.setValue({ status: 'offline', retryAt: Date.now() + 12_400 });
    await upsertConversation(db(), conversation());
    await db().conversations.update('c1', { unread: 3 });
    render(<PopupView />);
    await screen.findByText('Connected as Jake Peralta (201)');
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toMatch(/Offline — retrying in 1[23] s/));
    await screen.findByText('3 unread');

    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(sent).toContainEqual({ name: 'page→bg:reconnect-now', payload: {} }));
  });

  it.each([
    [{ status: 'online' as const }, 'Online'],
    [{ status: 'connecting' as const }, 'Connecting…'],
    [{ status: 'signed-out' as const }, 'Not signed in. Sign in'],
    [{ status: 'auth-failed' as const }, 'Your sign-in was rejected or has expired. Sign in'],
  ])('shows the %o state', async (state, text) => {
    await connectionItem.setValue(state);
    render(<PopupView />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(text));
  });
});

describe('options: preferences', () => {
  it('saves notification rules, the alert tone and SMS splitting as they are changed', async () => {
    render(<OptionsForm />);
    const newConversations = await screen.findByLabelText('Notify me of new conversations (SMS Chat Request)');
    expect((newConversations as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Notify me of every later customer text'));
    fireEvent.click(screen.getByLabelText('Play the alert tone with notifications'));
    fireEvent.click(screen.getByLabelText('Send long texts as separate messages of at most 140 characters'));
    await waitFor(async () => expect(await notificationRulesItem.getValue()).toEqual({ newConversations: true, laterMessages: false }));
    await waitFor(async () => expect(await alertToneItem.getValue()).toEqual({ enabled: false, volume: 0.8 }));
    await waitFor(async () => expect(await smsSplittingItem.getValue()).toEqual({ enabled: true }));
    expect((screen.getByRole('button', { name: 'Play the tone' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('plays the tone at the chosen volume on request', async () => {
    await alertToneItem.setValue({ enabled: true, volume: 0.4 });
    render(<OptionsForm />);
    await waitFor(() => expect((screen.getByLabelText('Volume') as HTMLInputElement).value).toBe('40'));
    fireEvent.click(screen.getByRole('button', { name: 'Play the tone' }));
    await waitFor(() => expect(sent).toContainEqual({ name: 'options→bg:play-tone', payload: { volume: 0.4 } }));
  });
});
