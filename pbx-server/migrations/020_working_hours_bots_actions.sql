-- Seed 003's per-number automation: working hours with an out-of-hours route, bots present in a
-- conversation (and removable by agents), and actions with their per-conversation timers.

-- A number's Working Hours Settings and Actions, apart from its routing row: only the inbound path
-- and the admin API read them. working_hours: {"timeZone": ..., "rules": [...]} (working-hours/);
-- out_of_hours_route: an inbound route (numbers.inbound_route's shape); actions: a JSON array
-- (actions/action-schema.ts). All validated by the application.
CREATE TABLE number_automation (
  number text PRIMARY KEY REFERENCES numbers (number) ON DELETE CASCADE,
  working_hours jsonb,
  out_of_hours_route jsonb,
  actions jsonb NOT NULL DEFAULT '[]'
);

-- Bots in a conversation. routed: put here by the number's route, so it answers the customer out
-- of working hours; an agent removing it clears routed for good (it stays inactive), while an
-- action that sends as it adds it back (removed_at NULL again) to keep executing that action.
-- No foreign key to bots: an action keeps running as a bot deleted from the bot list (seed 003).
CREATE TABLE conversation_bots (
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  bot_id text NOT NULL,
  routed boolean NOT NULL,
  added_at timestamptz NOT NULL,
  removed_at timestamptz,
  removed_by_agent_id text REFERENCES agents (id),
  PRIMARY KEY (conversation_id, bot_id)
);

-- Conversations routed to a bot before this migration: their bot is present and routed.
INSERT INTO conversation_bots (conversation_id, bot_id, routed, added_at)
  SELECT id, bot_id, true, created_at FROM conversations WHERE bot_id IS NOT NULL;

-- One row per (conversation, action) once the action was armed or ran. trigger_seq/trigger_at: the
-- customer text its conditions are measured from; due_at: when the next condition is checked
-- (NULL: not armed); step: how many of its conditions (shortest first) held so far; runs: how often
-- the task ran here ("once per conversation" stops at one).
CREATE TABLE conversation_actions (
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  action_id text NOT NULL,
  trigger_seq bigint,
  trigger_at timestamptz,
  due_at timestamptz,
  step integer NOT NULL DEFAULT 0,
  runs integer NOT NULL DEFAULT 0,
  PRIMARY KEY (conversation_id, action_id)
);
CREATE INDEX conversation_actions_due ON conversation_actions (due_at) WHERE due_at IS NOT NULL;
