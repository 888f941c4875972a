import { cors } from 'hono/cors';

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9._-]+$/;

/** Browser extensions always; plus exact origins from PARLEY_CORS_ORIGINS (comma separated). No cookies. */
export function corsMiddleware(extraOrigins: readonly string[]) {
  const allowed = new Set(extraOrigins);
  return cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) || allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
    credentials: false,
  });
}

export function parseCorsOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
