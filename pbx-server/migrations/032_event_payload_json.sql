-- An event's payload is written by the busiest insert of the server (every inbound batch writes one
-- per text) and read back only when a client resumes after a cursor. As json it is stored as the
-- text the server serialized (checked, not converted to jsonb's binary form), which costs that
-- insert less, and a resuming client's copy is that same text (events/store.ts readEventsAfter).
ALTER TABLE events ALTER COLUMN payload TYPE json USING payload::json;
