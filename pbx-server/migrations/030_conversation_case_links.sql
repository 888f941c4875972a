-- The CRM case a conversation is handled in (extension issue 6, seed 004): conversation metadata
-- the extension reports when it links a conversation to a case on the agent's screen, and again
-- when the link ends (the case tab closed). One row per conversation: its current or last case.
CREATE TABLE conversation_case_links (
  conversation_id text PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  agent_id text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  crm text NOT NULL,
  case_id text NOT NULL,
  case_url text NOT NULL,
  case_title text,
  state text NOT NULL CHECK (state IN ('open', 'ended')),
  updated_at timestamptz NOT NULL
);
