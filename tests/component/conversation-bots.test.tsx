import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ThreadHeader, type ConversationActions } from '../../components/ThreadHeader';
import type { ConversationBot } from '../../utils/model/bot';
import type { ThreadHeader as HeaderData } from '../../utils/ui/view-data';
import { installI18n } from '../setup/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
afterEach(cleanup);

const header: HeaderData = {
  title: 'Maria Lopez',
  number: '+15035550142',
  type: 'sms',
  groupName: null,
  state: 'open',
  participants: [],
  queueControls: null,
  groupControls: null,
};
const none = vi.fn(async () => true);
const actions: ConversationActions = {
  transferTargets: null,
  loadTransferTargets: vi.fn(async () => undefined),
  transfer: none,
  release: none,
  close: none,
  rename: none,
  addParticipants: none,
  leave: none,
};
const owl: ConversationBot = { id: 'b1', name: 'Night Owl', routed: true };
const survey: ConversationBot = { id: 'b2', name: '<img src=x onerror=alert(1)>', routed: false };

function renderWith(list: ConversationBot[], remove = vi.fn(async (_botId: string) => true)) {
  render(<ThreadHeader header={header} actions={actions} directory={[]} onOpenDirectory={vi.fn()} contacts={{ query: '', onQuery: vi.fn(), suggestions: [] }} bots={{ list, remove }} />);
  return remove;
}

describe('bots in the thread header', () => {
  it('lists each bot by name (as text, never markup), marks the routed one, and labels each Remove with its bot', () => {
    renderWith([owl, survey]);
    const list = screen.getByRole('list', { name: 'Bots' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.bot-chip__name')!.textContent)).toEqual(['Night Owl', '<img src=x onerror=alert(1)>']);
    expect(list.querySelector('img')).toBeNull();
    expect(within(items[0]!).getByText('answers out of hours')).toBeTruthy();
    expect(within(items[1]!).queryByText('answers out of hours')).toBeNull();
    expect(within(list).getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Remove bot Night Owl',
      'Remove bot <img src=x onerror=alert(1)>',
    ]);
  });

  it('shows nothing when no bot takes part', () => {
    renderWith([]);
    expect(screen.queryByRole('list', { name: 'Bots' })).toBeNull();
  });

  it('asks before removing: focus starts on Cancel, Cancel and Escape remove nothing and give focus back', () => {
    const remove = renderWith([owl]);
    const button = screen.getByRole('button', { name: 'Remove bot Night Owl' });
    button.focus();
    fireEvent.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Remove the bot Night Owl?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(remove).not.toHaveBeenCalled();
  });

  it('removes the bot the agent confirmed', async () => {
    const remove = renderWith([owl, { ...survey, name: 'Survey' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove bot Survey' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove the bot Survey?' });
    expect(within(dialog).getByText(/no longer answers this customer/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(remove).toHaveBeenCalledExactlyOnceWith('b2');
  });
});
