import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../db/db';
import { findAgentByExtension } from '../directory/agents';
import type { Api } from '../http/api';
import { ApiError } from '../http/errors';
import { AgentSchema, commonErrors, credentialsError, jsonBody, jsonResponse } from '../http/schemas';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './passwords';
import type { TokenService } from './tokens';

const TokensSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().openapi({ description: 'Access token life in seconds' }),
    agent: AgentSchema,
  })
  .openapi('Tokens');

const loginRoute = createRoute({
  method: 'post',
  path: '/v1/auth/login',
  tags: ['auth'],
  summary: 'Log in with extension and password',
  request: {
    body: jsonBody(z.object({ extension: z.string().min(1).max(32), password: z.string().min(1).max(200) })),
  },
  responses: { 200: jsonResponse('Tokens', TokensSchema), ...commonErrors, ...credentialsError },
});

const refreshRoute = createRoute({
  method: 'post',
  path: '/v1/auth/refresh',
  tags: ['auth'],
  summary: 'Exchange a refresh token for a new pair (the old one stops working)',
  request: { body: jsonBody(z.object({ refreshToken: z.string().min(1).max(200) })) },
  responses: { 200: jsonResponse('Tokens', TokensSchema), ...commonErrors, ...credentialsError },
});

const invalidCredentials = () => new ApiError(401, 'invalid_credentials', 'wrong extension or password');

export function registerAuthRoutes(app: Api, deps: { db: Db; tokens: TokenService }) {
  app.openapi(loginRoute, async (c) => {
    const { extension, password } = c.req.valid('json');
    const agent = await findAgentByExtension(deps.db, extension);
    // Always run scrypt so response time does not reveal which extensions exist.
    const ok = await verifyPassword(password, agent?.password_hash ?? DUMMY_PASSWORD_HASH);
    if (!agent || !ok || !agent.active) throw invalidCredentials();
    return c.json(await deps.tokens.issue(agent), 200);
  });

  app.openapi(refreshRoute, async (c) => {
    const pair = await deps.tokens.refresh(c.req.valid('json').refreshToken);
    if (!pair) throw new ApiError(401, 'unauthorized', 'refresh token is unknown, expired or already used');
    return c.json(pair, 200);
  });
}
