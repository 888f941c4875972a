export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Injected so tests are deterministic. */
  random?: () => number;
}

/**
 * Reconnect delay for the nth consecutive failure (0-based): exponential growth capped at maxMs,
 * with "equal jitter" (half fixed, half random) so a server restart is not hit by every agent at
 * the same instant, yet no retry comes sooner than half the nominal delay.
 */
export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const nominal = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  const half = nominal / 2;
  return Math.round(half + random() * half);
}

export const reconnectBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 30_000 };
