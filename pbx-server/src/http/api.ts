import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AgentView } from './schemas';
import { ApiError, errorBody, fromZodError } from './errors';
import { corsMiddleware } from './cors';

export const MAX_BODY_BYTES = 64 * 1024;

/** Context variables set by middleware (requireAgent sets `agent`). */
export type AppEnv = { Variables: { agent: AgentView } };
export type Api = OpenAPIHono<AppEnv>;

/**
 * The Hono app every route module registers on. Centralizes the contract's error shapes: zod failures
 * (defaultHook), thrown ApiErrors, oversized bodies and unknown paths all answer {"error": {...}}.
 */
export function createApi(options: { corsOrigins: readonly string[] }): Api {
  const app: Api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const error = fromZodError(result.error, result.target);
        return c.json(error.body, 400);
      }
    },
  });

  app.use('*', corsMiddleware(options.corsOrigins));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('payload_too_large', `body exceeds ${MAX_BODY_BYTES} bytes`), 413),
    }),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body, err.status);
    // Hono's own validators throw 400 HTTPExceptions, e.g. for a body that is not JSON at all.
    if (err instanceof HTTPException && err.status === 400) {
      return c.json(errorBody('invalid_request', err.message || 'malformed request'), 400);
    }
    if (err instanceof HTTPException) return err.getResponse();
    console.error('[parley] unhandled error', err);
    return c.json(errorBody('internal', 'internal server error'), 500);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  return app;
}

/** What every route behind a bearer token shares: its guard(s), the OpenAPI security and tag. */
export const bearerRoute = (guard: MiddlewareHandler<AppEnv> | MiddlewareHandler<AppEnv>[], tag: string) => ({
  security: [{ bearerAuth: [] }],
  middleware: guard,
  tags: [tag],
});
