import { useSignal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewConversationDialog, type NewConversationActions } from '../../components/NewConversationDialog';
import { QueuePresence } from '../../components/QueuePresence';
import type { QueuePresenceItem as QueuePresenceRow } from '../../utils/ui/queue-presence-model';
import type { ContactSuggestion } from '../../utils/model/contact';
import { installI18n } from '../setup/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
afterEach(cleanup);

const phonebook: ContactSuggestion[] = [
  { number: '+15035550142', name: 'Maria Lopez', source: 'phonebook' },
  { number: '+15035550199', name: null, source: 'recent_call' },
  { number: '+15035550188', name: 'Courier desk', source: 'conversation' },
];

/** The dialog with a contact search that filters like the model does (by name or number). */
function Harness({ actions, onCancel, onStarted }: { actions: Omit<NewConversationActions, 'contacts'>; onCancel: () => void; onStarted: () => void }) {
  const query = useSignal('');
  const q = query.value.toLowerCase();
  const suggestions = q ? phonebook.filter((s) => `${s.name ?? ''} ${s.number}`.toLowerCase().includes(q)) : [];
  return <NewConversationDialog actions={{ ...actions, contacts: { query: query.value, onQuery: (v) => (query.value = v), suggestions } }} onCancel={onCancel} onStarted={onStarted} />;
}

function renderNew() {
  const actions = {
    directory: [
      { id: 'a2', extension: '202', name: 'Amy Santiago' },
      { id: 'a3', extension: '203', name: 'Rosa Diaz' },
    ],
    callerIds: [
      { number: '+15035550100', label: 'Support line' },
      { number: '+15035550111', label: 'SMS Support Queue' },
    ],
    startDirect: vi.fn(async () => true),
    startSms: vi.fn(async () => true),
    startGroup: vi.fn(async () => true),
  };
  const onCancel = vi.fn();
  const onStarted = vi.fn();
  render(<Harness actions={actions} onCancel={onCancel} onStarted={onStarted} />);
  return { ...actions, onCancel, onStarted, dialog: screen.getByRole('dialog', { name: 'New conversation' }) };
}

describe('+ New', () => {
  it('starts an SMS to a contact found by name, from the chosen caller ID, using only the keyboard', async () => {
    const { dialog, startSms, onStarted } = renderNew();
    const field = within(dialog).getByRole('combobox', { name: 'To (number or contact)' });
    fireEvent.input(field, { target: { value: 'mar' } });
    const options = within(within(dialog).getByRole('listbox', { name: 'Suggestions' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Maria Lopez+15035550142Phonebook']);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(field.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(within(dialog).getByText('Maria Lopez · +15035550142')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'From' }), { target: { value: '+15035550111' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start SMS' }));
    await waitFor(() => expect(startSms).toHaveBeenCalledWith('+15035550142', '+15035550111'));
    expect(onStarted).toHaveBeenCalled();
  });

  it('finds recent calls and existing conversations too, and shows numbers as names where they resolve', () => {
    const { dialog } = renderNew();
    const field = within(dialog).getByRole('combobox', { name: 'To (number or contact)' });
    fireEvent.input(field, { target: { value: '50355501' } });
    expect(within(within(dialog).getByRole('listbox', { name: 'Suggestions' })).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Maria Lopez+15035550142Phonebook',
      '+15035550199Recent call',
      'Courier desk+15035550188Conversation',
    ]);
  });

  it('takes a typed number, normalized, and refuses one that is not a number', async () => {
    const { dialog, startSms } = renderNew();
    const field = within(dialog).getByRole('combobox', { name: 'To (number or contact)' });
    fireEvent.input(field, { target: { value: '12' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText(/Not a valid phone number/)).toBeTruthy();
    fireEvent.input(field, { target: { value: '(503) 555-0177' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start SMS' }));
    await waitFor(() => expect(startSms).toHaveBeenCalledWith('+15035550177', '+15035550100'));
  });

  it('starts a chat with a colleague by extension', async () => {
    const { dialog, startDirect } = renderNew();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Chat' }));
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Colleague' }), { target: { value: '203' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start chat' }));
    await waitFor(() => expect(startDirect).toHaveBeenCalledWith('203'));
  });

  it('creates a named group with members and an external number, and cannot without a name', async () => {
    const { dialog, startGroup } = renderNew();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Group' }));
    const create = within(dialog).getByRole('button', { name: 'Create group' }) as HTMLButtonElement;
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Amy Santiago (202)' }));
    expect(create.disabled).toBe(true);
    fireEvent.input(within(dialog).getByRole('textbox', { name: 'Group name' }), { target: { value: 'Returns team' } });
    const external = within(dialog).getByRole('combobox', { name: 'Add an external number (phone or contact)' });
    fireEvent.input(external, { target: { value: 'courier' } });
    fireEvent.keyDown(external, { key: 'ArrowDown' });
    fireEvent.keyDown(external, { key: 'Enter' });
    expect(within(within(dialog).getByRole('list', { name: 'External numbers' })).getByText('Courier desk · +15035550188')).toBeTruthy();
    fireEvent.click(create);
    await waitFor(() => expect(startGroup).toHaveBeenCalledWith('Returns team', ['202'], ['+15035550188']));
  });

  it('Cancel closes without starting anything', () => {
    const { dialog, onCancel, startSms } = renderNew();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(startSms).not.toHaveBeenCalled();
  });
});

describe('popup: SMS queue presence', () => {
  const queues: QueuePresenceRow[] = [
    { id: 'g1', name: 'SMS Support Queue', extension: '8000', loggedIn: true, paused: false, pauseReason: null, waitingCount: 2 },
    { id: 'g2', name: 'Billing Queue', extension: '8001', loggedIn: true, paused: true, pauseReason: 'Lunch', waitingCount: 0 },
    { id: 'g3', name: 'After-hours', extension: '8002', loggedIn: false, paused: false, pauseReason: null, waitingCount: 1 },
  ];

  function renderPresence() {
    const handlers = { onLoggedIn: vi.fn(async () => true), onPause: vi.fn(async () => true), onResume: vi.fn(async () => true) };
    render(<QueuePresence queues={queues} {...handlers} />);
    return handlers;
  }

  it('toggles login per queue', () => {
    const { onLoggedIn } = renderPresence();
    const support = screen.getByRole('switch', { name: 'Logged in to SMS Support Queue' }) as HTMLInputElement;
    expect(support.checked).toBe(true);
    expect((screen.getByRole('switch', { name: 'Logged in to After-hours' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(support);
    expect(onLoggedIn).toHaveBeenCalledWith('g1', false);
    fireEvent.click(screen.getByRole('switch', { name: 'Logged in to After-hours' }));
    expect(onLoggedIn).toHaveBeenCalledWith('g3', true);
  });

  it('pauses with a reason (required), and resumes', async () => {
    const { onPause, onResume } = renderPresence();
    fireEvent.click(screen.getByRole('button', { name: 'Pause SMS Support Queue' }));
    const reason = screen.getByRole('textbox', { name: 'Pause reason' });
    expect(document.activeElement).toBe(reason);
    const submit = screen.getByRole('button', { name: 'Pause' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.input(reason, { target: { value: 'Training' } });
    fireEvent.click(submit);
    await waitFor(() => expect(onPause).toHaveBeenCalledWith('g1', 'Training'));

    expect(screen.getByText('Paused: Lunch')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onResume).toHaveBeenCalledWith('g2');
  });
});
