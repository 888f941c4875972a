import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Template } from '../../utils/model/template';
import { checkTemplateDraft, TEMPLATE_NAME_MAX, TEMPLATE_TEXT_MAX } from '../../utils/ui/template-draft';
import { installI18n } from '../setup/i18n';

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

const mine: Template[] = [{ id: 'p1', scope: 'personal', name: 'Greeting', body: 'Hi' }];

describe('a personal template draft', () => {
  it('is accepted with a name and a text within the lengths the store takes', () => {
    expect(TEMPLATE_NAME_MAX).toBe(100);
    expect(TEMPLATE_TEXT_MAX).toBe(1600);
    expect(checkTemplateDraft({ name: 'n'.repeat(100), body: 't'.repeat(1600) }, mine)).toEqual({});
  });

  it('names what is missing: a blank name or text is none', () => {
    expect(checkTemplateDraft({ name: ' \n', body: '\t' }, mine)).toEqual({ name: 'Give the template a name.', body: 'Write the text of the template.' });
  });

  it('names what is too long (after trimming)', () => {
    expect(checkTemplateDraft({ name: ` ${'n'.repeat(100)} `, body: 't'.repeat(1601) }, mine)).toEqual({ body: 'The text can be at most 1600 characters.' });
    expect(checkTemplateDraft({ name: 'n'.repeat(101), body: 'ok' }, mine)).toEqual({ name: 'The name can be at most 100 characters.' });
  });

  it('refuses the name of another personal template, in any case, but not its own', () => {
    expect(checkTemplateDraft({ name: ' greeting', body: 'Hello' }, mine)).toEqual({ name: 'You already have a template with this name.' });
    expect(checkTemplateDraft({ id: 'p1', name: 'GREETING', body: 'Hello' }, mine)).toEqual({});
  });
});
