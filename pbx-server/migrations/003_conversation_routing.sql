-- Conversations routed to groups and bots, queue lifecycle and its timers, direct and group chats
-- with external members, system messages, read state per member.

-- state: 'open' for conversations outside any group; a group conversation is 'waiting' (no
-- designated agent), 'assigned' (one designated agent) or 'closed' (the next text starts a new one).
ALTER TABLE conversations
  ADD COLUMN state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'waiting', 'assigned', 'closed')),
  ADD COLUMN group_id text REFERENCES agent_groups (id),
  ADD COLUMN bot_id text REFERENCES bots (id),
  ADD COLUMN designated_agent_id text REFERENCES agents (id),
  -- The agent alerted (@mention) for a waiting queue conversation; the designated agent otherwise.
  ADD COLUMN mentioned_agent_id text REFERENCES agents (id),
  ADD COLUMN waiting_since timestamptz,
  ADD COLUMN closed_at timestamptz,
  -- Timer deadlines, read by the scheduler; NULL = not armed.
  ADD COLUMN idle_deadline timestamptz,
  ADD COLUMN unclaimed_deadline timestamptz,
  -- Direct chats: the two agent ids, sorted and joined, so a pair has one thread.
  ADD COLUMN direct_key text,
  ADD COLUMN created_by_agent_id text REFERENCES agents (id);

-- A closed conversation no longer owns its (line, customer) pair: the next text starts a new one.
DROP INDEX conversations_one_per_line_and_customer;
CREATE UNIQUE INDEX conversations_one_open_per_line_and_customer
  ON conversations (did_number, customer_number) WHERE type IN ('sms', 'whatsapp') AND state <> 'closed';
CREATE UNIQUE INDEX conversations_one_direct_per_pair ON conversations (direct_key) WHERE type = 'direct';
CREATE INDEX conversations_by_group ON conversations (group_id, waiting_since);
CREATE INDEX conversations_idle_due ON conversations (idle_deadline) WHERE idle_deadline IS NOT NULL;
CREATE INDEX conversations_unclaimed_due ON conversations (unclaimed_deadline) WHERE unclaimed_deadline IS NOT NULL;
CREATE INDEX conversations_by_customer ON conversations (customer_number);

-- External phone numbers in a group chat: they get its messages as SMS.
CREATE TABLE conversation_externals (
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  number text NOT NULL,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, number)
);

-- Read state: messages.seq of the last message the member has read, and a maintained count of
-- text messages after it not sent by the member (bumped with every message, reset on read).
ALTER TABLE conversation_members
  ADD COLUMN last_read_seq bigint NOT NULL DEFAULT 0,
  ADD COLUMN last_read_at timestamptz,
  ADD COLUMN unread_count integer NOT NULL DEFAULT 0;

-- System messages ("Entered SMS Support Queue", "… claimed by Jake Peralta (201)") live in the
-- timeline beside texts; system_event carries the same fact as data.
ALTER TABLE messages
  ADD COLUMN kind text NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'system')),
  ADD COLUMN system_event jsonb;
