-- Directory beyond single agents: ring groups and SMS queues with per-member presence, bots,
-- deactivated agents and numbers that may or may not carry texts.

-- Agents are never deleted (messages name their sender); an admin deactivates them instead.
ALTER TABLE agents ADD COLUMN active boolean NOT NULL DEFAULT true;
-- When the agent last became the designated agent of a conversation (longest-idle strategy).
ALTER TABLE agents ADD COLUMN last_assigned_at timestamptz;

-- A number without an active messaging plan (a voice DID) can be neither texted nor a caller ID.
ALTER TABLE numbers ADD COLUMN messaging_enabled boolean NOT NULL DEFAULT true;

-- Ring groups (every member sees, one designated agent) and SMS queues (waiting list, claim).
CREATE TABLE agent_groups (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('ring_group', 'queue')),
  extension text NOT NULL UNIQUE,
  name text NOT NULL,
  strategy text NOT NULL CHECK (strategy IN ('round_robin', 'longest_idle')),
  -- Queue timeouts (NULL = never): claimed without a reply -> released; waiting -> automated reply + close.
  idle_timeout_seconds integer CHECK (idle_timeout_seconds > 0),
  unclaimed_timeout_seconds integer CHECK (unclaimed_timeout_seconds > 0),
  unclaimed_reply text,
  -- Round robin continues after this member.
  last_assigned_agent_id text REFERENCES agents (id),
  created_at timestamptz NOT NULL
);

-- Membership with per-group presence: login and pause are independent for every group.
CREATE TABLE group_members (
  group_id text NOT NULL REFERENCES agent_groups (id) ON DELETE CASCADE,
  agent_id text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  position integer NOT NULL,
  logged_in boolean NOT NULL DEFAULT true,
  paused boolean NOT NULL DEFAULT false,
  pause_reason text,
  PRIMARY KEY (group_id, agent_id)
);
CREATE INDEX group_members_by_agent ON group_members (agent_id);

-- A minimal configured responder; issue 7 adds working hours in front of it.
CREATE TABLE bots (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  reply text NOT NULL
);
