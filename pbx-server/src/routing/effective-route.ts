import type { InboundRoute } from '../directory/inbound-route';
import type { PbxNumber } from '../directory/numbers';
import { isWithinWorkingHours } from '../working-hours/is-within-working-hours';
import type { NumberAutomation } from './number-automation';

/**
 * Is the number inside its working hours at `at`? A number without working hours never is: a bot
 * routed there answers at any time (a bot-only line), and its inbound route applies at any time.
 */
export function isWorkingTime(automation: NumberAutomation, at: Date): boolean {
  return automation.workingHours !== null && isWithinWorkingHours(automation.workingHours, at);
}

/**
 * The route that applies to a text arriving at `at` (seed 003 "Working Hours Settings"): the
 * number's inbound route during working hours (or always, without working hours), its out-of-hours
 * route outside them (the inbound route when it has none).
 */
export function effectiveRoute(number: PbxNumber, automation: NumberAutomation, at: Date): InboundRoute {
  if (automation.workingHours === null || isWorkingTime(automation, at)) return number.inboundRoute;
  return automation.outOfHoursRoute ?? number.inboundRoute;
}
