import type { InboundRoute } from '../directory/inbound-route';
import type { PbxNumber } from '../directory/numbers';

/**
 * The route that applies to a text arriving at `at`. Today always the number's one route; issue 7
 * puts working hours here (a number with in-hours and out-of-hours routes, working-hours/).
 */
export function effectiveRoute(number: PbxNumber, _at: Date): InboundRoute {
  return number.inboundRoute;
}
