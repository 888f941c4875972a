import { describe, expect, it } from 'vitest';
import { BACKENDS, http, startTestServer } from './harness';
import { ControllableClock } from '../src/test-clock';

/* POST /v1/test/clock exists only on a server started with a ControllableClock (PARLEY_CLOCK=controllable). */

describe.each(BACKENDS)('test clock (%s)', (backend) => {
  it('is absent from a normally started server', async () => {
    const server = await startTestServer(backend);
    try {
      expect((await http(server.url, 'POST', '/v1/test/clock', { json: { now: '2026-01-13T04:00:00Z' } })).status).toBe(404);
      const doc = (await http(server.url, 'GET', '/openapi.json')).body;
      expect(doc.paths['/v1/test/clock']).toBeUndefined();
    } finally {
      await server.stop();
    }
  });

  it('sets the clock the server runs on when enabled; a bad instant is a 400 naming the field', async () => {
    const clockControl = new ControllableClock();
    const server = await startTestServer(backend, { clockControl });
    try {
      const set = await http(server.url, 'POST', '/v1/test/clock', { json: { now: '2026-01-13T04:00:00Z' } });
      expect(set.status).toBe(200);
      expect(Math.abs(Date.parse(set.body.now) - Date.parse('2026-01-13T04:00:00Z'))).toBeLessThan(5_000);
      expect(Math.abs(clockControl.now().getTime() - Date.parse('2026-01-13T04:00:00Z'))).toBeLessThan(5_000);
      const bad = await http(server.url, 'POST', '/v1/test/clock', { json: { now: 'tomorrow' } });
      expect(bad).toMatchObject({ status: 400, body: { error: { field: 'now' } } });
    } finally {
      await server.stop();
    }
  });
});
