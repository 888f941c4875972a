import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scanForNumbers } from '../../../utils/crm/detect';
import { mountSmsButtons } from '../../../utils/crm/sms-button';
import { showPage } from '../../setup/page';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string | string[]) =>
    key === 'smsButtonLabel' ? `Send SMS to ${substitutions}` : key === 'smsButton' ? 'SMS' : '') as never);
  document.body.replaceChildren();
});

describe('SMS buttons', () => {
  it('sit right after each number in their own open shadow root, leave the page text as it was, and open the number', () => {
    showPage('<p>Call <b>(503) 555-0142</b> or +44 20 7946 0958 ext. 12, today</p>');
    const opened = vi.fn();
    mountSmsButtons(scanForNumbers(document.body, new WeakSet()), opened);

    const hosts = [...document.querySelectorAll('parley-sms')];
    expect(hosts).toHaveLength(2);
    expect(hosts.map((host) => host.previousSibling?.textContent)).toEqual(['(503) 555-0142', ' or +44 20 7946 0958 ext. 12']);
    // The host carries no text of its own: the page's text reads the same.
    expect(document.querySelector('p')!.textContent).toBe('Call (503) 555-0142 or +44 20 7946 0958 ext. 12, today');
    const buttons = hosts.map((host) => host.shadowRoot!.querySelector('button')!);
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['Send SMS to (503) 555-0142', 'Send SMS to +44 20 7946 0958 ext. 12']);
    expect(buttons.map((button) => button.textContent)).toEqual(['SMS', 'SMS']);
    // Styled inside the shadow root (adopted sheet, or a <style> where the browser refuses one).
    expect(hosts.every((host) => host.shadowRoot!.adoptedStyleSheets.length + host.shadowRoot!.querySelectorAll('style').length === 1)).toBe(true);

    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    buttons[1]!.dispatchEvent(click);
    // The extension stays out of the SMS target; the page's own handlers never see the click.
    expect(opened).toHaveBeenCalledWith('+442079460958');
    expect(click.defaultPrevented).toBe(true);
  });
});
