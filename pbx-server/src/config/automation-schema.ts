import { z } from 'zod';
import { ActionConfigSchema } from '../actions/action-schema';
import { InboundRouteConfigSchema } from '../directory/inbound-route';
import { workingHoursScheduleSchema } from '../working-hours/schedule';

/**
 * A number's Working Hours Settings and Actions (seed 003), as the config file and the admin API
 * write them: spread into a number's object, checked with checkNumberAutomation.
 */
export const NumberAutomationConfigFields = {
  /** Null: no working hours (the inbound route applies at any time; a routed bot answers at any time). */
  workingHours: workingHoursScheduleSchema.nullable().default(null),
  /** Where texts go outside workingHours (an agent, group, queue or bot); null: the inbound route. */
  outOfHoursRoute: InboundRouteConfigSchema.nullable().default(null),
  actions: z.array(ActionConfigSchema).max(20).default([]),
};

type AutomationConfig = {
  workingHours: unknown;
  outOfHoursRoute: unknown;
  actions: { hours: 'always' | 'working_hours' | 'out_of_hours' }[];
};

/** Settings that only mean something with working hours name the field that needs them. */
export function checkNumberAutomation(n: AutomationConfig, ctx: z.RefinementCtx): void {
  if (n.workingHours !== null) return;
  if (n.outOfHoursRoute !== null) ctx.addIssue({ code: 'custom', path: ['outOfHoursRoute'], message: 'needs workingHours' });
  n.actions.forEach((a, i) => {
    if (a.hours !== 'always') ctx.addIssue({ code: 'custom', path: ['actions', i, 'hours'], message: `${a.hours} needs workingHours` });
  });
}
