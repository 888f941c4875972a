// panel.html is web-accessible to every http(s) page so the dock can load on any CRM site the agent
// enables; a page the agent did not enable must not get a working panel in a frame (it could overlay
// it and trick clicks). Pages are served through Playwright's router: only the framing origin matters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness/browser.ts';

describe('a framed panel renders only inside an enabled CRM site', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
    const framingPage = `<!doctype html><title>framing</title><iframe title="Parley" src="${browser.extensionUrl('panel.html?host=dock')}"></iframe>`;
    await browser.context.route(/^http:\/\/(untrusted\.test|localhost:8799)\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: framingPage }),
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('refuses to render in a page of an origin without host access', async () => {
    const page = await browser.context.newPage();
    await page.goto('http://untrusted.test/');
    const frame = page.frameLocator('iframe[title="Parley"]');
    await frame.getByText(/only inside a CRM site you enabled/).waitFor();
    expect(await frame.getByRole('list', { name: 'Conversations' }).count()).toBe(0);
  });

  it('renders the panel in a page of a granted origin (the demo CRM hosts)', async () => {
    const page = await browser.context.newPage();
    await page.goto('http://localhost:8799/');
    const frame = page.frameLocator('iframe[title="Parley"]');
    await frame.getByRole('list', { name: 'Conversations' }).or(frame.getByRole('link', { name: /options|sign in/i })).first().waitFor();
    expect(await frame.getByText(/only inside a CRM site you enabled/).count()).toBe(0);
  });
});
