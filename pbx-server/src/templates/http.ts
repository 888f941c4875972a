import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import { authErrors, jsonResponse } from '../http/schemas';
import { toSharedTemplates, type SharedTemplateConfig } from './templates';

const TemplateSchema = z.object({ id: z.string(), name: z.string(), body: z.string() }).openapi('SharedTemplate');

/** GET /v1/templates: the shared reply templates from the config, by name. */
export function registerTemplateRoutes(app: Api, deps: { templates: readonly SharedTemplateConfig[]; auth: MiddlewareHandler<AppEnv> }) {
  const templates = toSharedTemplates(deps.templates).sort((a, b) => a.name.localeCompare(b.name));
  const list = createRoute({
    ...bearerRoute(deps.auth, 'templates'),
    method: 'get',
    path: '/v1/templates',
    summary: 'Shared reply templates every agent may insert (personal ones stay in the extension)',
    responses: { 200: jsonResponse('Templates', z.object({ templates: z.array(TemplateSchema) })), ...authErrors },
  });
  app.openapi(list, (c) => c.json({ templates }, 200));
}
