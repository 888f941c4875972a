import { useModel } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '../../components/Composer';
import { OptionsForm } from '../../components/OptionsForm';
import { TemplatesForm } from '../../components/TemplatesForm';
import { WorkspaceActions } from '../../utils/background/workspace-actions';
import { workspaceHandlers } from '../../utils/background/workspace-handlers';
import { db } from '../../utils/db/database';
import { replaceSharedTemplates } from '../../utils/db/templates';
import { createRouter, type Handlers } from '../../utils/messaging/router';
import { workspaceProtocol } from '../../utils/messaging/workspace-protocol';
import type { PbxConnector } from '../../utils/pbx/connector';
import { TemplatesModel } from '../../utils/ui/templates-model';
import { sessionItem } from '../../utils/settings';
import { installI18n } from '../setup/i18n';

/*
 * The options page's personal templates against the real background side: its messages go
 * through the protocol router (validation, sender check) to WorkspaceActions, which writes the
 * same IndexedDB the form and the composer read live.
 */

const ID = 'test-extension-id';
const optionsPage = { id: ID, url: `chrome-extension://${ID}/options.html` };
let sent: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  await Promise.all(db().tables.map((table) => table.clear()));
  sent = [];
  const connector = { on: () => () => undefined } as unknown as PbxConnector;
  const handlers = workspaceHandlers(new WorkspaceActions(db(), connector, async () => 'a201'));
  const route = createRouter('bg', workspaceProtocol as never, handlers as unknown as Handlers<'bg'>, ID, `chrome-extension://${ID}/`);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (envelope: { name: string }) => {
    sent.push(envelope.name);
    return route(envelope, optionsPage);
  }) as never);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const section = () => screen.getByRole('region', { name: 'My templates' });
const nameField = () => within(section()).getByLabelText('Name') as HTMLInputElement;
const textField = () => within(section()).getByLabelText('Text') as HTMLTextAreaElement;
const list = () => within(section()).getByRole('list', { name: 'Your templates' });
const listed = () => within(list()).getAllByRole('listitem').map((item) => item.querySelector('.template-list__name')!.textContent);
const fill = (name: string, text: string) => {
  fireEvent.input(nameField(), { target: { value: name } });
  fireEvent.input(textField(), { target: { value: text } });
};
const personalRows = async () => (await db().templates.toArray()).filter((row) => row.scope === 'personal').map(({ name, body }) => ({ name, body }));

async function add(name: string, text: string) {
  fill(name, text);
  fireEvent.click(within(section()).getByRole('button', { name: 'Add template' }));
  await within(section()).findByText(`Template ${name.trim()} saved.`);
}

describe('personal templates on the options page', () => {
  it('is part of the options page, with a label on every field and a character count', async () => {
    await sessionItem.setValue({ serverUrl: 'http://pbx.test', refreshToken: 'r', agent: { id: 'a201', extension: '201', name: 'Jake Peralta', role: 'agent' } });
    render(<OptionsForm />);
    await waitFor(() => expect(nameField().maxLength).toBe(100));
    expect(textField().maxLength).toBe(1600);
    expect(within(section()).getByText('You have no templates of your own yet.')).toBeTruthy();
    fireEvent.input(textField(), { target: { value: 'Hello' } });
    expect(textField().getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent)).toEqual(['5 / 1600 characters']);
  });

  it('asks to sign in first: the store belongs to the agent signed in, and a first sign-in clears it', () => {
    render(<OptionsForm />);
    expect(within(section()).getByText(/Sign in to write templates of your own/)).toBeTruthy();
    expect(within(section()).queryByLabelText('Name')).toBeNull();
    expect(within(section()).queryByRole('button', { name: 'Add template' })).toBeNull();
  });

  it('adds a template (trimmed) and lists it; the form is empty again for the next one', async () => {
    render(<TemplatesForm signedIn />);
    await add('  Delivery delay ', 'Sorry for the delay!\nYour parcel ships today. ');
    await waitFor(() => expect(listed()).toEqual(['Delivery delay']));
    expect(await personalRows()).toEqual([{ name: 'Delivery delay', body: 'Sorry for the delay!\nYour parcel ships today.' }]);
    expect(nameField().value).toBe('');
    expect(textField().value).toBe('');
    expect(document.activeElement).toBe(nameField());
  });

  it('refuses an empty name or text with a message at the field, and sends nothing', async () => {
    render(<TemplatesForm signedIn />);
    fill('   ', '');
    fireEvent.submit(nameField().form!);
    expect(within(section()).getByText('Give the template a name.')).toBeTruthy();
    expect(within(section()).getByText('Write the text of the template.')).toBeTruthy();
    expect(nameField().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(nameField().getAttribute('aria-describedby')!)!.textContent).toBe('Give the template a name.');
    expect(document.activeElement).toBe(nameField());

    // The messages follow the corrections once the agent tried to save.
    fireEvent.input(nameField(), { target: { value: 'Greeting' } });
    expect(within(section()).queryByText('Give the template a name.')).toBeNull();
    fireEvent.submit(nameField().form!);
    expect(document.activeElement).toBe(textField());
    expect(sent).toEqual([]);
    expect(await personalRows()).toEqual([]);
  });

  it('refuses a second template with the same name', async () => {
    render(<TemplatesForm signedIn />);
    await add('Greeting', 'Hi, this is Jake.');
    await waitFor(() => expect(listed()).toEqual(['Greeting']));
    fill('greeting ', 'Hello again');
    fireEvent.submit(nameField().form!);
    expect(within(section()).getByText('You already have a template with this name.')).toBeTruthy();
    expect(await personalRows()).toHaveLength(1);
  });

  it('edits and renames a template in place, keeping it one template', async () => {
    render(<TemplatesForm signedIn />);
    await add('Greeting', 'Hi, this is Jake.');
    await add('Closing', 'Have a nice day!');
    await waitFor(() => expect(listed()).toEqual(['Closing', 'Greeting']));
    const [before] = (await db().templates.toArray()).filter((row) => row.name === 'Greeting');

    fireEvent.click(within(list()).getByRole('button', { name: 'Edit Greeting' }));
    expect(within(section()).getByRole('heading', { name: 'Editing Greeting' })).toBeTruthy();
    expect(nameField().value).toBe('Greeting');
    expect(textField().value).toBe('Hi, this is Jake.');
    expect(document.activeElement).toBe(nameField());
    fill('Welcome', 'Hi, this is Jake from support.');
    fireEvent.click(within(section()).getByRole('button', { name: 'Save changes' }));
    await within(section()).findByText('Template Welcome saved.');
    await waitFor(() => expect(listed()).toEqual(['Closing', 'Welcome']));
    const rows = await db().templates.toArray();
    expect(rows.find((row) => row.name === 'Welcome')).toEqual({ ...before, name: 'Welcome', body: 'Hi, this is Jake from support.' });
    expect(rows).toHaveLength(2);
    expect(within(section()).getByRole('heading', { name: 'New template' })).toBeTruthy();
  });

  it('cancels an edit without saving', async () => {
    render(<TemplatesForm signedIn />);
    await add('Greeting', 'Hi');
    fireEvent.click(await within(section()).findByRole('button', { name: 'Edit Greeting' }));
    fill('Changed', 'Changed');
    fireEvent.click(within(section()).getByRole('button', { name: 'Cancel' }));
    expect(nameField().value).toBe('');
    expect(await personalRows()).toEqual([{ name: 'Greeting', body: 'Hi' }]);
  });

  it('deletes a template only after confirming; Cancel keeps it', async () => {
    render(<TemplatesForm signedIn />);
    await add('Greeting', 'Hi');
    const remove = await within(section()).findByRole('button', { name: 'Delete Greeting' });
    remove.focus();
    fireEvent.click(remove);
    let dialog = screen.getByRole('dialog', { name: 'Delete the template Greeting?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(remove);
    expect(await personalRows()).toHaveLength(1);

    fireEvent.click(remove);
    dialog = screen.getByRole('dialog', { name: 'Delete the template Greeting?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await within(section()).findByText('Template Greeting deleted.');
    await waitFor(() => expect(within(section()).getByText('You have no templates of your own yet.')).toBeTruthy());
    expect(await personalRows()).toEqual([]);
  });

  it('shows names and texts as text, never as markup', async () => {
    render(<TemplatesForm signedIn />);
    await add('<b>Bold</b>', '<img src=x onerror=alert(1)>');
    await waitFor(() => expect(listed()).toEqual(['<b>Bold</b>']));
    expect(list().querySelector('b, img')).toBeNull();
    expect(within(list()).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });

  it('lists only the agent’s own templates: the PBX’s shared ones are not edited here', async () => {
    await replaceSharedTemplates(db(), [{ id: 'shared:hours', scope: 'shared', name: 'Opening hours', body: 'We are open 9-5.' }]);
    render(<TemplatesForm signedIn />);
    await add('Greeting', 'Hi');
    await waitFor(() => expect(listed()).toEqual(['Greeting']));
    expect(within(section()).queryByText('Opening hours')).toBeNull();
  });
});

function ComposerWithTemplates() {
  const templates = useModel(TemplatesModel);
  return <Composer onSend={async () => true} searchTemplates={templates.search.value} />;
}

describe('the composer offers them', () => {
  it('offers a template saved on the options page beside the shared ones in the / search', async () => {
    await replaceSharedTemplates(db(), [{ id: 'shared:hours', scope: 'shared', name: 'Opening hours', body: 'We are open 9-5.' }]);
    render(
      <>
        <TemplatesForm signedIn />
        <ComposerWithTemplates />
      </>,
    );
    await add('Opening apology', 'Sorry, we opened late today.');
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: '/open', selectionStart: 5 } });
    // The open menu follows the templates as the composer's live read brings them.
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((option) => option.querySelector('.templates__title')!.textContent)).toEqual(['Opening apology', 'Opening hours']),
    );
    expect(screen.getAllByRole('option').map((option) => option.querySelector('.templates__scope')!.textContent)).toEqual(['Personal', 'Shared']);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('Sorry, we opened late today.');
  });
});
