import { z } from 'zod';
import { actionId, ActionSchema, type ActionConfig, type NumberAction } from '../actions/action-schema';
import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';
import { findAgentByExtension, findAgentById } from '../directory/agents';
import { findBot, findBotByName } from '../directory/bots';
import { InboundRouteSchema, type InboundRoute, type InboundRouteConfig } from '../directory/inbound-route';
import { describeInboundRoute, resolveInboundRoute, UnknownRouteTarget } from '../directory/route-targets';
import { workingHoursScheduleSchema, type WorkingHoursSchedule } from '../working-hours/schedule';

/** A number's working hours, out-of-hours route and actions in stored form (ids, migration 020). */
export type NumberAutomation = {
  workingHours: WorkingHoursSchedule | null;
  outOfHoursRoute: InboundRoute | null;
  actions: NumberAction[];
};

export const NO_AUTOMATION: NumberAutomation = { workingHours: null, outOfHoursRoute: null, actions: [] };

export type AutomationRow = { number: string; working_hours: unknown; out_of_hours_route: unknown; actions: unknown };

// Built once: a zod schema costs more to build than to run on a short list.
const ActionsSchema = z.array(ActionSchema);

// Parsed, not cast: settings written by a newer version fail loudly instead of misrouting.
export const toAutomation = (r: AutomationRow): NumberAutomation => ({
  workingHours: r.working_hours === null ? null : workingHoursScheduleSchema.parse(r.working_hours),
  outOfHoursRoute: r.out_of_hours_route === null ? null : InboundRouteSchema.parse(r.out_of_hours_route),
  actions: ActionsSchema.parse(r.actions),
});

/** Every listed number's automation (NO_AUTOMATION for those without), in one query. */
export async function loadAutomation(db: Queryable, numbers: readonly string[]): Promise<Map<string, NumberAutomation>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.query<AutomationRow>('SELECT * FROM number_automation WHERE number = ANY($1::text[])', [sqlArray(numbers)]);
  const found = new Map(rows.map((r) => [r.number, toAutomation(r)]));
  return new Map(numbers.map((n) => [n, found.get(n) ?? NO_AUTOMATION]));
}

export async function findAutomation(db: Queryable, number: string): Promise<NumberAutomation> {
  return (await loadAutomation(db, [number])).get(number)!;
}

export async function saveAutomation(db: Queryable, number: string, a: NumberAutomation): Promise<void> {
  await db.query(
    `INSERT INTO number_automation (number, working_hours, out_of_hours_route, actions)
     VALUES ($1, $2::text::jsonb, $3::text::jsonb, $4::text::jsonb)
     ON CONFLICT (number) DO UPDATE SET working_hours = EXCLUDED.working_hours,
       out_of_hours_route = EXCLUDED.out_of_hours_route, actions = EXCLUDED.actions`,
    [number, json(a.workingHours), json(a.outOfHoursRoute), JSON.stringify(a.actions)],
  );
}

const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

/** A bot, agent or group the settings name that the directory does not know; `path` is the field. */
export class UnknownAutomationTarget extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export type AutomationConfig = { workingHours: WorkingHoursSchedule | null; outOfHoursRoute: InboundRouteConfig | null; actions: ActionConfig[] };

/** Config form (names, extensions) -> stored form (ids); throws UnknownAutomationTarget naming the field. */
export async function resolveAutomation(db: Queryable, config: AutomationConfig): Promise<NumberAutomation> {
  let outOfHoursRoute: InboundRoute | null = null;
  if (config.outOfHoursRoute) {
    try {
      outOfHoursRoute = await resolveInboundRoute(db, config.outOfHoursRoute);
    } catch (err) {
      if (err instanceof UnknownRouteTarget) throw new UnknownAutomationTarget(`outOfHoursRoute.${err.path}`, err.message);
      throw err;
    }
  }
  const actions: NumberAction[] = [];
  for (const [i, a] of config.actions.entries()) {
    const { task: _task, ...rest } = a;
    const resolved = { ...rest, task: await resolveTask(db, a.task, `actions.${i}.task`) };
    actions.push({ id: actionId(i, resolved), ...resolved });
  }
  return { workingHours: config.workingHours, outOfHoursRoute, actions };
}

async function resolveTask(db: Queryable, task: ActionConfig['task'], path: string): Promise<NumberAction['task']> {
  if (task.type === 'send_message') {
    const bot = await findBotByName(db, task.bot);
    if (!bot) throw new UnknownAutomationTarget(`${path}.bot`, `no bot named ${task.bot}`);
    return { type: 'send_message', botId: bot.id, botName: bot.name, message: task.message };
  }
  const agentIds: string[] = [];
  for (const [j, ext] of task.extensions.entries()) {
    const agent = await findAgentByExtension(db, ext);
    if (!agent || !agent.active) throw new UnknownAutomationTarget(`${path}.extensions.${j}`, `no active agent with extension ${ext}`);
    if (!agentIds.includes(agent.id)) agentIds.push(agent.id);
  }
  return { type: 'add_members', agentIds };
}

/** Stored form -> config form plus each action's id, for the admin API. */
export async function describeAutomation(db: Queryable, a: NumberAutomation) {
  return {
    workingHours: a.workingHours,
    outOfHoursRoute: a.outOfHoursRoute ? await describeInboundRoute(db, a.outOfHoursRoute) : null,
    actions: await Promise.all(
      a.actions.map(async ({ task, ...rest }) => ({
        ...rest,
        task:
          task.type === 'send_message'
            ? { type: task.type, bot: (await findBot(db, task.botId))?.name ?? task.botName, message: task.message }
            : { type: task.type, extensions: await Promise.all(task.agentIds.map(async (id) => (await findAgentById(db, id))?.extension ?? '?')) },
      })),
    ),
  };
}
