import type { InboundRoute } from '../directory/inbound-route';

/**
 * Who an inbound text on a number is for. One case per route type; ring groups, queues and bots add
 * cases here (a queue may resolve to "no agent yet" and park the conversation instead).
 */
export function recipientsFor(route: InboundRoute): string[] {
  switch (route.type) {
    case 'agent':
      return [route.agentId];
  }
}
