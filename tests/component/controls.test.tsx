import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ThreadHeader, type ConversationActions } from '../../components/ThreadHeader';
import type { ThreadHeader as HeaderData } from '../../utils/ui/view-data';
import { installI18n } from '../setup/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
afterEach(cleanup);

const jake = { type: 'agent' as const, id: 'a1', extension: '201', name: 'Jake Peralta' };
const queueHeader: HeaderData = {
  title: 'Maria Lopez',
  number: '+15035550142',
  type: 'sms',
  groupName: 'SMS Support Queue',
  state: 'assigned',
  participants: [jake],
  queueControls: { transfer: true, release: true, close: true },
  groupControls: null,
};

function actions(overrides: Partial<ConversationActions> = {}): ConversationActions {
  return {
    transferTargets: {
      agents: [
        { id: 'a2', extension: '202', name: 'Amy Santiago' },
        { id: 'a5', extension: '211', name: 'Wyatt Brooks' },
      ],
      groups: [{ id: 'g2', kind: 'queue', extension: '8001', name: 'Billing Queue' }],
    },
    loadTransferTargets: vi.fn(async () => undefined),
    transfer: vi.fn(async () => true),
    release: vi.fn(async () => true),
    close: vi.fn(async () => true),
    rename: vi.fn(async () => true),
    addParticipants: vi.fn(async () => true),
    leave: vi.fn(async () => true),
    ...overrides,
  };
}

const contacts = { query: '', onQuery: vi.fn(), suggestions: [] };

function renderHeader(header: HeaderData, acts = actions()) {
  render(<ThreadHeader header={header} actions={acts} directory={[{ id: 'a3', extension: '203', name: 'Rosa Diaz' }, { id: 'a1', extension: '201', name: 'Jake Peralta' }]} onOpenDirectory={vi.fn()} contacts={contacts} />);
  return acts;
}

describe('queue controls', () => {
  it('offers Transfer, Release and Close to the designated agent; Release and Close act at once', () => {
    const acts = renderHeader(queueHeader);
    const bar = screen.getByRole('group', { name: 'Conversation actions' });
    expect(within(bar).getAllByRole('button').map((b) => b.textContent)).toEqual(['Transfer', 'Release', 'Close']);
    fireEvent.click(within(bar).getByRole('button', { name: 'Release' }));
    fireEvent.click(within(bar).getByRole('button', { name: 'Close' }));
    expect(acts.release).toHaveBeenCalled();
    expect(acts.close).toHaveBeenCalled();
  });

  it('shows no queue controls to an agent who is not designated', () => {
    renderHeader({ ...queueHeader, queueControls: { transfer: false, release: false, close: false } });
    expect(screen.queryByRole('group', { name: 'Conversation actions' })?.querySelectorAll('button').length ?? 0).toBe(0);
    expect(screen.queryByRole('button', { name: 'Transfer' })).toBeNull();
  });

  it('transfers to a chosen agent through the dialog, by keyboard, and gives focus back on Cancel', async () => {
    const acts = renderHeader(queueHeader);
    const open = screen.getByRole('button', { name: 'Transfer' });
    open.focus();
    fireEvent.click(open);
    expect(acts.loadTransferTargets).toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Transfer conversation' });
    const confirm = within(dialog).getByRole('button', { name: 'Transfer' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).getAllByRole('radio').map((radio) => radio.closest('label')!.textContent)).toEqual(['Amy Santiago (202)', 'Wyatt Brooks (211)', 'Billing Queue']);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Wyatt Brooks (211)' }));
    fireEvent.click(confirm);
    await waitFor(() => expect(acts.transfer).toHaveBeenCalledWith({ agentId: 'a5' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const again = screen.getByRole('dialog', { name: 'Transfer conversation' });
    fireEvent.click(within(again).getByRole('radio', { name: 'Billing Queue' }));
    fireEvent.click(within(again).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(acts.transfer).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Transfer' }));
  });

  it('keeps the dialog open when the transfer fails', async () => {
    const acts = renderHeader(queueHeader, actions({ transfer: vi.fn(async () => false) }));
    fireEvent.click(screen.getByRole('button', { name: 'Transfer' }));
    const dialog = screen.getByRole('dialog', { name: 'Transfer conversation' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Billing Queue' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await waitFor(() => expect(acts.transfer).toHaveBeenCalledWith({ groupId: 'g2' }));
    expect(screen.getByRole('dialog', { name: 'Transfer conversation' })).toBeTruthy();
  });
});

describe('group controls', () => {
  const groupHeader: HeaderData = {
    title: 'Returns team',
    number: null,
    type: 'group',
    groupName: null,
    state: null,
    participants: [jake, { type: 'external', number: '+15035550188', name: 'Courier desk' }],
    queueControls: null,
    groupControls: { rename: true, addParticipants: true, leave: true },
  };

  it('lists the members and offers Rename, Add participants and Leave', () => {
    const acts = renderHeader(groupHeader);
    expect(screen.getByText('Jake Peralta (201), Courier desk')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
    expect(acts.leave).toHaveBeenCalled();
  });

  it('renames through a dialog that starts from the current name', async () => {
    const acts = renderHeader(groupHeader);
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename group' });
    const name = within(dialog).getByRole('textbox', { name: 'Group name' }) as HTMLInputElement;
    expect(name.value).toBe('Returns team');
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: 'Returns & exchanges' } });
    fireEvent.submit(name.form!);
    await waitFor(() => expect(acts.rename).toHaveBeenCalledWith('Returns & exchanges'));
  });

  it('adds colleagues not yet in the group and external numbers', async () => {
    const acts = renderHeader(groupHeader);
    fireEvent.click(screen.getByRole('button', { name: 'Add participants' }));
    const dialog = screen.getByRole('dialog', { name: 'Add participants' });
    // Jake is already a member: only Rosa is offered.
    expect(within(dialog).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent)).toEqual(['Rosa Diaz (203)']);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Rosa Diaz (203)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(acts.addParticipants).toHaveBeenCalledWith({ extensions: ['203'], externalNumbers: [] }));
  });
});
