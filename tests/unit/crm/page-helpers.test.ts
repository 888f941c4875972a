import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mayHoldPhoneNumbers, textMayHoldPhoneNumber } from '../../../utils/crm/candidates';
import { casesLinkedFrom } from '../../../utils/crm/case-search';
import { clampDockWidth, loadDockLayout, saveDockLayout } from '../../../utils/crm/dock-layout';
import { appendToNoteField } from '../../../utils/crm/note-writer';
import { demoProfile } from '../../../utils/crm/profiles/demo';
import { genericProfile } from '../../../utils/crm/profiles/generic';
import { findSpots } from '../../../utils/crm/spots';
import { fragmentOf, showPage } from '../../setup/page';

beforeEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
});

describe("the loader's cheap check", () => {
  it('says maybe for digit runs, tel: links and phone inputs, and no for pages without them', () => {
    expect(mayHoldPhoneNumbers(fragmentOf('<p>Call (503) 555-0142</p>'))).toBe(true);
    expect(mayHoldPhoneNumbers(fragmentOf('<a href="tel:+15035550142">Maria</a>'))).toBe(true);
    expect(mayHoldPhoneNumbers(fragmentOf('<label>Mobile <input type="tel"></label>'))).toBe(true);
    expect(mayHoldPhoneNumbers(fragmentOf('<input name="contact[phone]">'))).toBe(true);
    expect(mayHoldPhoneNumbers(fragmentOf('<h1>Cases</h1><p>3 open, 12 closed, 2026</p>'))).toBe(false);
    expect(textMayHoldPhoneNumber('+44 20 7946 0958')).toBe(true);
    expect(textMayHoldPhoneNumber('Total: 129')).toBe(false);
  });
});

describe('SMS button spots', () => {
  it('a number shown in a profile phone field gets one button, at the field; other numbers in text get theirs; an extension stays out', () => {
    showPage(`<dl><dt>Mobile phone</dt><dd class="phone">(503) 555-0142</dd><dt>Work phone</dt><dd class="phone">(503) 555-0161 ext. 204</dd></dl>
      <p>Also reachable on +44 20 7946 0958. Order #48213-77 of 2026-11-02, $129.90.</p><input type="tel" aria-label="Callback" value="+1 503 555 0177">`);
    const seen = new WeakSet<Node>();
    const spots = findSpots([document.body], seen, { profile: demoProfile, defaultCountry: 'US' });
    expect(spots.map((spot) => spot.hit.e164).sort()).toEqual(['+15035550142', '+15035550161', '+15035550177', '+442079460958']);
    expect(spots.find((spot) => spot.hit.e164 === '+15035550177')!.after).toBe(document.querySelector('input'));
    // Nothing twice on a rescan (the mutation path).
    expect(findSpots([document.body], seen, { profile: demoProfile, defaultCountry: 'US' })).toEqual([]);
  });

  it('reads national numbers with the configured default country', () => {
    showPage('<p>Festnetz 030 1234567</p>');
    expect(findSpots([document.body], new WeakSet(), { profile: genericProfile, defaultCountry: 'US' })).toEqual([]);
    expect(findSpots([document.body], new WeakSet(), { profile: genericProfile, defaultCountry: 'DE' }).map((spot) => spot.hit.e164)).toEqual(['+49301234567']);
  });
});

describe('case search results', () => {
  it('keeps same-origin links to case pages, in page order, once each, at most three', () => {
    const results = new DOMParser().parseFromString(
      `<a href="/cases/1001">#1001</a><a href="/cases/1001">Parcel</a><a href="https://evil.example/cases/9">#9</a>
       <a href="/cases/new">New</a><a href="/cases/1000">#1000</a><a href="/cases/998">#998</a><a href="/cases/997">#997</a>`,
      'text/html',
    );
    const found = casesLinkedFrom(demoProfile, results, new URL('http://127.0.0.1:8788/search?phone=%2B15035550142'));
    expect(found).toEqual([
      { id: '1001', title: '#1001', url: 'http://127.0.0.1:8788/cases/1001' },
      { id: '1000', title: '#1000', url: 'http://127.0.0.1:8788/cases/1000' },
      { id: '998', title: '#998', url: 'http://127.0.0.1:8788/cases/998' },
    ]);
  });
});

describe('the dock layout', () => {
  it('keeps the width between 280 px and 90% of the viewport, and remembers it per origin', async () => {
    expect(clampDockWidth(100, 1280)).toBe(280);
    expect(clampDockWidth(5_000, 1280)).toBe(1152);
    expect(clampDockWidth(Number.NaN, 1280)).toBe(420);
    await saveDockLayout('https://a.example', { width: 600, collapsed: true });
    expect(await loadDockLayout('https://a.example')).toEqual({ width: 600, collapsed: true });
    expect(await loadDockLayout('https://b.example')).toEqual({ width: 420, collapsed: false });
  });
});

describe('writing to the note field', () => {
  it('appends plain text after what the agent typed and tells the page it changed', () => {
    showPage('<textarea>Called back.</textarea><div contenteditable="true"></div>');
    const area = document.querySelector('textarea')!;
    let inputs = 0;
    area.addEventListener('input', () => (inputs += 1));
    appendToNoteField(area, '[2026-11-20 10:00 UTC] Customer +15035550142: <b>hi</b>');
    expect(area.value).toBe('Called back.\n\n[2026-11-20 10:00 UTC] Customer +15035550142: <b>hi</b>');
    expect(inputs).toBe(1);
    const editor = document.querySelector<HTMLElement>('[contenteditable]')!;
    appendToNoteField(editor, 'a <img src=x onerror=alert(1)>\nb');
    expect(editor.querySelectorAll('img')).toHaveLength(0);
    expect([...editor.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['a <img src=x onerror=alert(1)>', 'b']);
  });
});
