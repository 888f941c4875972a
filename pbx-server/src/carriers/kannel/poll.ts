/**
 * Polls `check` until it returns a value other than undefined, or throws once the deadline passes.
 * Every wait in the Kannel harness and its tests goes through here: no fixed sleeps, always bounded.
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 15_000, intervalMs = 50, diagnostics }: { timeoutMs?: number; intervalMs?: number; diagnostics?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      // A check may throw while a process is still coming up (connection refused); keep polling but
      // remember why, so the timeout message says it. A check that wants to abort sets `fatal`.
      if (err instanceof FatalPollError) throw err;
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const more = diagnostics ? `\n${diagnostics()}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}${more}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Thrown from a check to stop polling at once (e.g. the process being waited on has died). */
export class FatalPollError extends Error {}
