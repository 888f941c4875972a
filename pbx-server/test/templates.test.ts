import { describe, expect, it } from 'vitest';
import { PbxConfigSchema } from '../src/config/schema';
import { loadConfig } from '../src/config/load';
import { BACKENDS, DEMO, http, useTestServer } from './harness';

/* Seed 002/issue 5: shared reply templates, configured once on the PBX, offered to every agent. */

describe('shared template config', () => {
  it('refuses duplicate names and empty bodies, naming the field', () => {
    const demo = loadConfig();
    const duplicate = PbxConfigSchema.safeParse({ ...demo, templates: [{ name: 'Hi', body: 'a' }, { name: 'hi', body: 'b' }] });
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.path).toEqual(['templates', 1, 'name']);
    const empty = PbxConfigSchema.safeParse({ ...demo, templates: [{ name: 'Hi', body: '  ' }] });
    expect(empty.error?.issues[0]?.path).toEqual(['templates', 0, 'body']);
  });

  it('defaults to none', () => {
    const { templates: _ignored, ...withoutTemplates } = loadConfig();
    expect(PbxConfigSchema.parse(withoutTemplates).templates).toEqual([]);
  });
});

describe.each(BACKENDS)('GET /v1/templates (%s)', (backend) => {
  const t = useTestServer(backend);

  it('lists the configured templates by name with stable ids, to signed-in agents only', async () => {
    const answer = await t.call(DEMO.amy, 'GET', '/v1/templates');
    expect(answer.status).toBe(200);
    expect(answer.body.templates).toEqual([
      { id: 'shared:closing', name: 'Closing', body: 'Glad we could help. Text us any time.' },
      { id: 'shared:greeting', name: 'Greeting', body: 'Hi, thanks for texting Example Co. How can we help?' },
    ]);
    const anonymous = await http(t.server.url, 'GET', '/v1/templates');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
  });
});
