import type { Signal } from '@preact/signals';
import { t } from '../i18n';
import { RequestFailed } from '../messaging/client';
import { explain } from './errors';

/**
 * Runs a background request for a view action: resolves true when it succeeded (clearing the
 * notice), false after putting the reason in `notice` as "<what failed>: <why>". Never rejects,
 * so a view can await it without a catch.
 */
export async function attempt(notice: Signal<string | null>, failureKey: string, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    notice.value = null;
    return true;
  } catch (error) {
    notice.value = t(failureKey, explain(error));
    return false;
  }
}

/** The PBX's own sentence for a refusal ("claimed by Amy Santiago (202)"), capitalized; null for other failures. */
export function refusal(error: unknown): string | null {
  if (!(error instanceof RequestFailed) || error.error.code !== 'rejected' || !error.error.message) return null;
  const text = error.error.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
