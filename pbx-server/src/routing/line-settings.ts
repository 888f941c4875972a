import { InboundRouteSchema, type InboundRoute } from '../directory/inbound-route';
import { toAutomation, type NumberAutomation } from './number-automation';

// Settings remembered; past this many the memory starts over (a plain bound, no eviction order).
const CAPACITY = 10_000;

/**
 * Numbers' inbound routes and automation as the inbound path reads them, parsed once per stored
 * JSON text (the keys here): a number's settings change rarely, and parsing them with zod again for
 * every line of every batch showed in the profile of the inbound bench on PGlite. A changed setting
 * is another text, so it is parsed (and checked) anew.
 */
export class LineSettings {
  private readonly routes = new Map<string, InboundRoute>();
  private readonly automation = new Map<string, NumberAutomation>();

  route(json: string): InboundRoute {
    return remembered(this.routes, json, () => InboundRouteSchema.parse(JSON.parse(json)));
  }

  /** A number's automation from its three stored columns as JSON text (null: SQL NULL). */
  automationOf(number: string, workingHours: string | null, outOfHoursRoute: string | null, actions: string): NumberAutomation {
    return remembered(this.automation, JSON.stringify([workingHours, outOfHoursRoute, actions]), () =>
      toAutomation({
        number,
        working_hours: workingHours === null ? null : JSON.parse(workingHours),
        out_of_hours_route: outOfHoursRoute === null ? null : JSON.parse(outOfHoursRoute),
        actions: JSON.parse(actions),
      }),
    );
  }
}

function remembered<T>(map: Map<string, T>, key: string, parse: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= CAPACITY) map.clear();
    value = parse();
    map.set(key, value);
  }
  return value;
}
