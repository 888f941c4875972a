import { createRoute, z } from '@hono/zod-openapi';
import type { Clock } from './clock';
import type { Api } from './http/api';
import { commonErrors, jsonBody, jsonResponse } from './http/schemas';
import type { Scheduler } from './scheduler';

/**
 * A clock end-to-end tests can set, for a server process they cannot reach into (working hours at
 * 20:00, then 09:00). Only main.ts with PARLEY_CLOCK=controllable creates one; nothing else does.
 */
export class ControllableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on the clock reads `instant`, and keeps running from there. */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}

/**
 * POST /v1/test/clock {now}: sets the clock and applies whatever timers became due. Registered only
 * with a ControllableClock, so it does not exist on a normally started server (404).
 */
export function registerTestClockRoute(app: Api, deps: { clock: ControllableClock; scheduler: Scheduler }): void {
  const route = createRoute({
    method: 'post',
    path: '/v1/test/clock',
    tags: ['test'],
    summary: "Set the server's clock (only with PARLEY_CLOCK=controllable)",
    request: { body: jsonBody(z.object({ now: z.iso.datetime({ offset: true }) })) },
    responses: { 200: jsonResponse('The clock now', z.object({ now: z.string() })), ...commonErrors },
  });
  app.openapi(route, async (c) => {
    deps.clock.set(new Date(c.req.valid('json').now));
    await deps.scheduler.runDue();
    return c.json({ now: deps.clock.now().toISOString() }, 200);
  });
}
