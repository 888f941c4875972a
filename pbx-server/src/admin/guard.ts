import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bearerRoute, type AppEnv } from '../http/api';
import { forbidden } from '../http/errors';

/** After requireAgent: only admins manage the directory. */
export const requireAdmin: MiddlewareHandler<AppEnv> = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.agent.role !== 'admin') throw forbidden('only admins manage the directory');
  await next();
});

/** The middleware and OpenAPI bits every admin route shares. */
export const adminRoute = (auth: MiddlewareHandler<AppEnv>) => bearerRoute([auth, requireAdmin], 'admin');
