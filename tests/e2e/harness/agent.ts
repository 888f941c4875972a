// What an agent does by hand in the extension's own pages.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';

export async function signIn(browser: ExtensionBrowser, serverUrl: string, extension: string, password: string): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await options.getByLabel('Server URL').fill(serverUrl);
  await options.getByLabel('Extension').fill(extension);
  await options.getByLabel('Password').fill(password);
  await options.getByRole('button', { name: 'Save and connect' }).click();
  await options.getByRole('status').filter({ hasText: /Connected as .+ \(\d+\)/ }).waitFor();
  await options.close();
}

export async function openPanel(browser: ExtensionBrowser, query = ''): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(browser.extensionUrl(`panel.html${query}`));
  return panel;
}
