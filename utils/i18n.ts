import { browser } from 'wxt/browser';

/**
 * Every user-facing string goes through here (public/_locales/<lang>/messages.json). A missing key
 * shows the key itself, which is easy to spot and never blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return (browser.i18n.getMessage as (key: string, subs?: string | string[]) => string)(key, substitutions) || key;
}
