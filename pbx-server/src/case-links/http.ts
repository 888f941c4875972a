import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import { authErrors, commonErrors, IdParams, jsonBody, jsonResponse, notFoundError } from '../http/schemas';
import type { CaseLinks } from './store';

const CaseLinkInputSchema = z.object({
  crm: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a CRM profile id (kebab-case)').max(50),
  caseId: z.string().trim().min(1).max(200),
  caseUrl: z.url({ protocol: /^https?$/ }).max(2000),
  caseTitle: z.string().trim().max(500).nullable().default(null),
  state: z.enum(['open', 'ended']),
});

const CaseLinkSchema = CaseLinkInputSchema.extend({ conversationId: z.string(), agentId: z.string(), updatedAt: z.string() }).openapi('CaseLink');

/** Conversation metadata: the CRM case the conversation is handled in. */
export function registerCaseLinkRoutes(app: Api, deps: { links: CaseLinks; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'conversations');
  const put = createRoute({
    ...guarded,
    method: 'put',
    path: '/v1/conversations/{id}/case-link',
    summary: "Set the conversation's CRM case (linked on the agent's screen, or ended when its tab closed)",
    request: { params: IdParams, body: jsonBody(CaseLinkInputSchema) },
    responses: { 200: jsonResponse('The stored case link', z.object({ caseLink: CaseLinkSchema })), ...commonErrors, ...authErrors, ...notFoundError },
  });
  const get = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/conversations/{id}/case-link',
    summary: "The conversation's current or last CRM case (null when it never had one)",
    request: { params: IdParams },
    responses: { 200: jsonResponse('The case link', z.object({ caseLink: CaseLinkSchema.nullable() })), ...authErrors, ...notFoundError },
  });
  app.openapi(put, async (c) => c.json({ caseLink: await deps.links.put(c.var.agent, c.req.valid('param').id, c.req.valid('json')) }, 200));
  app.openapi(get, async (c) => c.json({ caseLink: await deps.links.get(c.var.agent, c.req.valid('param').id) }, 200));
}
