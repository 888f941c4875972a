import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadDetectorWhenNeeded } from '../../../utils/crm/loader';
import { appendToPage, showPage } from '../../setup/page';

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  showPage('<h1>Cases</h1><p>Nothing yet</p>');
  ctx = new ContentScriptContext('crm-loader-test');
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

const flushMutations = () => new Promise<void>((done) => queueMicrotask(done));

describe('the CRM loader', () => {
  it('asks for the detector at once when the page already shows a candidate', () => {
    showPage('<dd class="phone">(503) 555-0142</dd>');
    const load = vi.fn(async () => ({}));
    loadDetectorWhenNeeded(ctx, load);
    expect(load).toHaveBeenCalledOnce();
  });

  it('waits for the page to render a candidate, checking mutations in batches, and asks once', async () => {
    const load = vi.fn(async () => ({}));
    loadDetectorWhenNeeded(ctx, load);
    expect(load).not.toHaveBeenCalled();

    appendToPage('<p>3 open cases</p>');
    await flushMutations();
    await vi.advanceTimersByTimeAsync(150);
    expect(load).not.toHaveBeenCalled();

    appendToPage('<table><tr><td>+44 20 7946 0958</td></tr></table>');
    appendToPage('<a href="tel:+15035550142">Maria</a>');
    await flushMutations();
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);
    expect(load).toHaveBeenCalledOnce();

    appendToPage('<p>(503) 555-0199</p>');
    await flushMutations();
    await vi.advanceTimersByTimeAsync(150);
    expect(load).toHaveBeenCalledOnce();
  });
});
