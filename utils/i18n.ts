import { browser } from 'wxt/browser';

// Each browser.i18n.getMessage is a call into the browser's native code: a thread opening renders
// hundreds of labels ("5 min ago", "Delivered", …) and the calls showed as ~4 ms of an open in a
// CPU profile. The messages of a running extension never change, so each is looked up once.
const looked = new Map<string, string>();
// Substitutions carry numbers and names: the cache is emptied rather than left to grow without bound.
const LOOKUPS_KEPT = 2_000;

/**
 * Every user-facing string goes through here (public/_locales/<lang>/messages.json). A missing key
 * shows the key itself, which is easy to spot and never blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  const id = substitutions === undefined ? key : `${key}\u0000${Array.isArray(substitutions) ? substitutions.join('\u0000') : substitutions}`;
  const known = looked.get(id);
  if (known !== undefined) return known;
  const message = (browser.i18n.getMessage as (key: string, subs?: string | string[]) => string)(key, substitutions);
  if (!message) return key;
  if (looked.size >= LOOKUPS_KEPT) looked.clear();
  looked.set(id, message);
  return message;
}
