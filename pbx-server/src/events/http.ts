import { z } from '@hono/zod-openapi';
import type { UpgradeWebSocket } from 'hono/ws';
import type { TokenService } from '../auth/tokens';
import type { Db } from '../db/db';
import type { Api } from '../http/api';
import { ApiError } from '../http/errors';
import type { EventBus } from './bus';
import { EventSession } from './session';

export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_BAD_REQUEST = 4400;

export type EventRouteDeps = {
  db: Db;
  bus: EventBus;
  tokens: TokenService;
  upgradeWebSocket: UpgradeWebSocket;
  pingIntervalMs: number;
  backlogPageSize?: number;
};

/**
 * GET /v1/events (WebSocket). Browsers cannot set headers on a WebSocket, so the access token comes
 * as a query parameter; a bad one still upgrades and is then closed with 4401 so the client can tell
 * "log in again" from a network failure.
 */
export function registerEventRoutes(app: Api, deps: EventRouteDeps) {
  app.get(
    '/v1/events',
    deps.upgradeWebSocket(async (c) => {
      const agent = await deps.tokens.verifyAccess(c.req.query('access_token') ?? '');
      const cursorText = c.req.query('cursor') ?? '0';
      const cursor = /^\d{1,15}$/.test(cursorText) ? Number(cursorText) : null;
      if (!agent) return { onOpen: (_evt, ws) => ws.close(CLOSE_UNAUTHORIZED, 'unauthorized') };
      if (cursor === null) return { onOpen: (_evt, ws) => ws.close(CLOSE_BAD_REQUEST, 'invalid cursor') };

      let session: EventSession | null = null;
      return {
        onOpen: (_evt, ws) => {
          session = new EventSession(deps, agent.id, cursor, {
            send: (text) => ws.send(text),
            close: (code, reason) => ws.close(code, reason),
          });
          void session.start();
        },
        // Client frames ({"type":"pong"}) carry nothing we need.
        onMessage: () => {},
        onClose: () => session?.stop(),
        onError: () => session?.stop(),
      };
    }),
    () => {
      throw new ApiError(426, 'upgrade_required', 'GET /v1/events is a WebSocket endpoint');
    },
  );

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/v1/events',
    tags: ['events'],
    summary: 'WebSocket event stream (replays events after cursor, then {"type":"synced"}, then live)',
    description:
      'Frames: {"type":"event","cursor":N,"event":{kind: message.created|message.updated|conversation.updated|' +
      'conversation.assigned|conversation.removed|conversation.read|queue.waiting|queue.claimed|presence.updated,...}} ' +
      '(fields per kind in pbx-server/README.md), ' +
      '{"type":"synced","cursor":N}, {"type":"ping"} every 20 s. A bad token closes the socket with code 4401.',
    request: {
      query: z.object({
        cursor: z.string().regex(/^\d+$/).optional().openapi({ description: 'Last processed cursor (default 0)' }),
        access_token: z.string().openapi({ description: 'Access token (browsers cannot set headers)' }),
      }),
    },
    responses: { 101: { description: 'Switching to the WebSocket protocol' } },
  });
}
