-- The shared phonebook, the call log, and name resolution for phone numbers.

CREATE TABLE contacts (
  id text PRIMARY KEY,
  name text NOT NULL,
  company text,
  -- Set for contacts seeded from the config file (their name), so re-seeding updates, not duplicates.
  config_key text UNIQUE,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE contact_numbers (
  contact_id text NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  number text NOT NULL,
  label text NOT NULL DEFAULT '',
  PRIMARY KEY (contact_id, number)
);
CREATE INDEX contact_numbers_by_number ON contact_numbers (number);

-- Calls the PBX reports (POST /v1/calls). number is the external party; caller_name is what the
-- network said (CNAM), used for names when the phonebook has none.
CREATE TABLE calls (
  id text PRIMARY KEY,
  agent_id text NOT NULL REFERENCES agents (id),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  number text NOT NULL,
  did_number text,
  status text NOT NULL CHECK (status IN ('answered', 'missed', 'busy', 'failed')),
  started_at timestamptz NOT NULL,
  duration_seconds integer NOT NULL CHECK (duration_seconds >= 0),
  caller_name text,
  created_at timestamptz NOT NULL
);
CREATE INDEX calls_by_number ON calls (number, started_at);
CREATE INDEX calls_by_agent ON calls (agent_id, started_at);

-- The one name rule, usable in any query: the phonebook first (oldest contact wins a shared
-- number), then the most recent caller name from the call log; NULL when neither knows the number.
CREATE FUNCTION parley_contact_name(p_number text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT c.name FROM contact_numbers n JOIN contacts c ON c.id = n.contact_id
      WHERE n.number = p_number ORDER BY c.created_at, c.id LIMIT 1),
    (SELECT l.caller_name FROM calls l
      WHERE l.number = p_number AND l.caller_name IS NOT NULL ORDER BY l.started_at DESC LIMIT 1))
$$;
