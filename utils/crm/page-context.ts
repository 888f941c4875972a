import { extensionId } from './page-runtime';

/**
 * What the CRM page code needs from its content script's lifetime; WXT's ContentScriptContext
 * (the loader's) has the same shape. The detector runs without WXT's (and its polyfill) to stay
 * small in every CRM page, with the one below.
 */
export interface PageContext {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): unknown;
  setTimeout(handler: () => void, ms: number): unknown;
}

/**
 * The lifetime of an injected CRM script: it ends when the extension is reloaded or removed under
 * the page (its runtime id is gone) or when a newer copy of the same script starts in this frame
 * (the background injected it again after an update), so two never add buttons side by side.
 */
export function createPageContext(name: string): PageContext & { abort(): void } {
  const controller = new AbortController();
  const started = `parley:${name}-started`;
  const id = Math.random().toString(36).slice(2);
  const context = {
    get isValid() {
      if (!controller.signal.aborted && !extensionId()) controller.abort();
      return !controller.signal.aborted;
    },
    onInvalidated(callback: () => void) {
      controller.signal.addEventListener('abort', callback);
    },
    setTimeout(handler: () => void, ms: number) {
      const stop = () => clearTimeout(timer);
      const timer = setTimeout(() => {
        controller.signal.removeEventListener('abort', stop);
        if (context.isValid) handler();
      }, ms);
      controller.signal.addEventListener('abort', stop);
    },
    abort: () => controller.abort(),
  };
  document.dispatchEvent(new CustomEvent(started, { detail: id }));
  document.addEventListener(started, (event) => (event as CustomEvent).detail !== id && controller.abort(), { signal: controller.signal });
  return context;
}

const LOCATION_POLL_MS = 1000;

/**
 * Calls back when a single-page CRM changes its address: the Navigation API where the browser has
 * it, else a poll (what WXT's location watcher does).
 */
export function onLocationChange(ctx: PageContext, callback: () => void): void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    callback();
  };
  if (navigation) {
    const listener = () => queueMicrotask(check);
    navigation.addEventListener('navigatesuccess', listener);
    ctx.onInvalidated(() => navigation.removeEventListener('navigatesuccess', listener));
    return;
  }
  const poll = () =>
    ctx.setTimeout(() => {
      check();
      poll();
    }, LOCATION_POLL_MS);
  poll();
}
