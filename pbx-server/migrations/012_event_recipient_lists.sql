-- One row per event, whoever it is for: the row lists its recipients (and what differs per
-- recipient: its unread count in the event's conversation), instead of one row per recipient. A
-- text to a ring group of five writes one event row instead of a payload and five recipient rows.
-- The cursor stays events.id: an agent's stream is the events listing it, in id order.
ALTER TABLE events ADD COLUMN recipient_agent_ids text[], ADD COLUMN unread_counts integer[];

-- Rows written before: one recipient each, their payload inline (before 005) or in event_payloads.
UPDATE events e SET recipient_agent_ids = ARRAY[e.recipient_agent_id],
  unread_counts = CASE WHEN e.unread_count IS NULL THEN NULL ELSE ARRAY[e.unread_count] END,
  payload = COALESCE(e.payload, (SELECT p.payload FROM event_payloads p WHERE p.id = e.payload_id));

ALTER TABLE events ALTER COLUMN recipient_agent_ids SET NOT NULL, ALTER COLUMN payload SET NOT NULL;
DROP INDEX events_by_recipient;
ALTER TABLE events DROP COLUMN recipient_agent_id, DROP COLUMN payload_id, DROP COLUMN unread_count;
DROP TABLE event_payloads;
-- An agent's events: the rows whose list holds it (with the primary key for "after the cursor").
CREATE INDEX events_by_recipients ON events USING gin (recipient_agent_ids);
