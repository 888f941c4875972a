import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/api';
import { unauthorized } from '../http/errors';
import type { TokenService } from './tokens';

/** Bearer-token guard for /v1 routes; puts the agent in c.var.agent. */
export function requireAgent(tokens: TokenService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const agent = match?.[1] ? await tokens.verifyAccess(match[1]) : null;
    if (!agent) throw unauthorized();
    c.set('agent', agent);
    await next();
  });
}
