import type { Queryable } from '../db/db';
import { findAgentById, findAgentByExtension } from './agents';
import { findBot, findBotByName } from './bots';
import { findGroup, findGroupByExtension } from './groups';
import type { InboundRoute, InboundRouteConfig } from './inbound-route';

/** A route target the directory does not know; `path` is relative to the route object. */
export class UnknownRouteTarget extends Error {
  constructor(
    readonly path: 'extension' | 'bot',
    message: string,
  ) {
    super(message);
  }
}

/** Config form (extensions, bot names) -> stored form (ids), checking the target's kind. */
export async function resolveInboundRoute(db: Queryable, route: InboundRouteConfig): Promise<InboundRoute> {
  switch (route.type) {
    case 'agent': {
      const agent = await findAgentByExtension(db, route.extension);
      if (!agent || !agent.active) throw new UnknownRouteTarget('extension', `no active agent with extension ${route.extension}`);
      return { type: 'agent', agentId: agent.id };
    }
    case 'ring_group':
    case 'queue': {
      const group = await findGroupByExtension(db, route.extension);
      const what = route.type === 'queue' ? 'SMS queue' : 'ring group';
      if (!group || group.kind !== route.type) throw new UnknownRouteTarget('extension', `no ${what} with extension ${route.extension}`);
      return { type: route.type, groupId: group.id };
    }
    case 'bot': {
      const bot = await findBotByName(db, route.bot);
      if (!bot) throw new UnknownRouteTarget('bot', `no bot named ${route.bot}`);
      return { type: 'bot', botId: bot.id };
    }
  }
}

/** Stored form -> config form plus the target's display name, for the admin API. */
export async function describeInboundRoute(db: Queryable, route: InboundRoute): Promise<InboundRouteConfig & { name: string }> {
  switch (route.type) {
    case 'agent': {
      const agent = await findAgentById(db, route.agentId);
      return { type: 'agent', extension: agent?.extension ?? '?', name: agent?.name ?? 'unknown agent' };
    }
    case 'ring_group':
    case 'queue': {
      const group = await findGroup(db, route.groupId);
      return { type: route.type, extension: group?.extension ?? '?', name: group?.name ?? 'unknown group' };
    }
    case 'bot': {
      const bot = await findBot(db, route.botId);
      return { type: 'bot', bot: bot?.name ?? '?', name: bot?.name ?? 'unknown bot' };
    }
  }
}
