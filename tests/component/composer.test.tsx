import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '../../components/Composer';
import type { Template } from '../../utils/model/template';
import { installI18n } from '../setup/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
afterEach(cleanup);

const box = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
const type = (text: string) => fireEvent.input(box(), { target: { value: text, selectionStart: text.length } });
const counter = () => box().getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' | ');

describe('composer counter', () => {
  it('counts GSM-7 text: characters, encoding and what is left of the segment', () => {
    render(<Composer onSend={async () => true} sms />);
    type('Your parcel ships today.');
    expect(counter()).toBe('24 characters' + 'GSM-7' + '1 segment · 136 left');
  });

  it('charges two septets for GSM extension-table characters (€ [ ])', () => {
    render(<Composer onSend={async () => true} sms />);
    type('Total € [5]');
    // 11 characters; €, [ and ] cost two septets each: 14 of 160.
    expect(counter()).toContain('11 characters');
    expect(counter()).toContain('GSM-7');
    expect(counter()).toContain('1 segment · 146 left');
  });

  it('names the character that forces UCS-2', () => {
    render(<Composer onSend={async () => true} sms />);
    type('Ciao, è arrivato? Grazie—Marco');
    expect(counter()).toContain('UCS-2 because of “—”');
    expect(counter()).toContain('30 characters');
    expect(counter()).toContain('1 segment · 40 left');
  });

  it('counts an emoji as one character, two UCS-2 units, and splits at 67 units per segment', () => {
    render(<Composer onSend={async () => true} sms />);
    type(`Thanks 👍🏽 ${'a'.repeat(70)}`);
    const text = counter();
    expect(text).toContain('79 characters');
    expect(text).toContain('UCS-2 because of “👍🏽”');
    // 7 + 4 (👍🏽 is two surrogate pairs) + 1 + 70 = 82 units > 70 → 2 segments of 67.
    expect(text).toContain('2 segments · 52 left in the last');
  });

  it('tells how many texts splitting makes, on word boundaries, only when splitting is on', () => {
    const words = 'Your replacement parcel left our warehouse this morning and should reach you by Thursday afternoon. ';
    const { rerender } = render(<Composer onSend={async () => true} sms />);
    type(words.repeat(3).trim());
    expect(counter()).not.toContain('Sends as');
    rerender(<Composer onSend={async () => true} sms splitLongTexts />);
    expect(counter()).toContain('Sends as 3 texts of at most 140 characters');
  });

  it('shows no SMS counter for internal chats', () => {
    render(<Composer onSend={async () => true} />);
    type('hello');
    expect(box().getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/characters/)).toBeNull();
  });
});

describe('composer sending', () => {
  it('sends on Enter, adds a line on Shift+Enter, and clears once queued', async () => {
    const onSend = vi.fn(async () => true);
    render(<Composer onSend={onSend} sms />);
    type('line one');
    expect(fireEvent.keyDown(box(), { key: 'Enter', shiftKey: true })).toBe(true);
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(box(), { key: 'Enter' });
    await waitFor(() => expect(onSend).toHaveBeenCalledWith('line one'));
    await waitFor(() => expect(box().value).toBe(''));
  });

  it('keeps the text when the send is refused', async () => {
    render(<Composer onSend={async () => false} />);
    type('keep me');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(box().value).toBe('keep me');
  });

  it('is disabled with the reason for an opted-out number, and sends nothing', async () => {
    const onSend = vi.fn(async () => true);
    render(<Composer onSend={onSend} sms blockedReason="Maria texted STOP: no texts until she texts START." />);
    expect(box().disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Maria texted STOP: no texts until she texts START.');
    expect(box().getAttribute('aria-describedby')).toContain(screen.getByRole('status').id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });
});

describe('composer templates', () => {
  const templates: Template[] = [
    { id: 't1', scope: 'personal', name: 'Greeting', body: 'Hi, this is Jake from support.' },
    { id: 't2', scope: 'shared', name: 'Tracking', body: 'Your tracking link follows in a moment.' },
  ];
  const search = (query: string) => templates.filter((t) => `${t.name} ${t.body}`.toLowerCase().includes(query.toLowerCase()));

  it('searches with /, moves with the arrows, inserts on Enter without sending', async () => {
    const onSend = vi.fn(async () => true);
    render(<Composer onSend={onSend} searchTemplates={search} />);
    type('/');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['GreetingPersonalHi, this is Jake from support.', 'TrackingSharedYour tracking link follows in a moment.']);
    expect(box().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(box().getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(box().value).toBe('Your tracking link follows in a moment.');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('narrows by the words after /, and Escape closes the menu', () => {
    render(<Composer onSend={async () => true} searchTemplates={search} />);
    type('/track');
    expect(screen.getAllByRole('option')).toHaveLength(1);
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box().value).toBe('/track');
  });
});

describe('composer pickers', () => {
  it('offers destination and caller ID pickers only when there is a choice', () => {
    const onDestination = vi.fn();
    const onCallerId = vi.fn();
    const route = {
      destinations: [
        { number: '+15035550142', label: 'Mobile' },
        { number: '+15035550143', label: 'Work' },
      ],
      destination: '+15035550142',
      onDestination,
      callerIds: [{ number: '+15035550100', label: 'Support line' }],
      callerId: null,
      onCallerId,
    };
    const { rerender } = render(<Composer onSend={async () => true} sms route={route} />);
    const to = screen.getByRole('combobox', { name: 'To' }) as HTMLSelectElement;
    expect(screen.queryByRole('combobox', { name: 'From' })).toBeNull();
    fireEvent.change(to, { target: { value: '+15035550143' } });
    expect(onDestination).toHaveBeenCalledWith('+15035550143');

    rerender(<Composer onSend={async () => true} sms route={{ ...route, callerIds: [...route.callerIds, { number: '+15035550111', label: 'SMS Support Queue' }] }} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'From' }), { target: { value: '+15035550111' } });
    expect(onCallerId).toHaveBeenCalledWith('+15035550111');
  });
});
