// Reaching into the extension as the browser runs it: stopping its service worker through the
// Chrome DevTools Protocol, and reading what the agent sees outside the page (badge, notifications)
// through extension APIs from one of its own pages.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';

/**
 * Stops the extension's service worker the way Chrome does when it is idle: the worker's target is
 * closed, its memory (sockets, timers, queues) is gone; the next extension event starts it again.
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(browser.extensionUrl('')));
    if (!worker) throw new Error('the extension has no running service worker');
    const { success } = await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    if (!success) throw new Error('Chrome refused to stop the service worker');
  } finally {
    await cdp.detach();
  }
}

/** Whether the extension's service worker is running right now. */
export async function serviceWorkerRunning(browser: ExtensionBrowser): Promise<boolean> {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some((target) => target.type === 'service_worker' && target.url.startsWith(browser.extensionUrl('')));
  } finally {
    await cdp.detach();
  }
}

/** The few chrome.* calls the tests make from an extension page (the test process has no chrome types). */
type Chrome = {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
};

/** The toolbar badge: its text and tooltip, read with chrome.action from an extension page. */
export function badge(extensionPage: Page): Promise<{ text: string; title: string }> {
  return extensionPage.evaluate(async () => {
    const { action } = (globalThis as unknown as { chrome: Chrome }).chrome;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
}

/** The ids of the extension's notifications currently shown. */
export async function notificationIds(extensionPage: Page): Promise<string[]> {
  return Object.keys(await extensionPage.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()));
}

/** Whether Chrome's offscreen document (the alert tone's player) exists. */
export async function offscreenDocumentOpen(extensionPage: Page): Promise<boolean> {
  const contexts = await extensionPage.evaluate(() =>
    (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }),
  );
  return contexts.length > 0;
}

/** Every row of one of the extension's IndexedDB stores, read from one of its pages. */
export function storedRows<T>(extensionPage: Page, store: 'messages' | 'conversations' | 'caseLinks'): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('parley');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result as T[]);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    store,
  );
}
