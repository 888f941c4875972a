-- An event's content is stored once however many agents it is for: each recipient's row points at
-- it and keeps what differs per recipient (its unread count in the event's conversation). A text
-- to a ring group of five writes one payload and five small rows instead of five copies.
-- Rows written before this migration keep their payload inline (events.payload).
CREATE TABLE event_payloads (
  id bigserial PRIMARY KEY,
  payload jsonb NOT NULL
);

-- No foreign key on payload_id: both rows are written by one statement (events/store.ts), and the
-- check would cost a lookup per recipient on the busiest insert of the server.
ALTER TABLE events
  ALTER COLUMN payload DROP NOT NULL,
  ADD COLUMN payload_id bigint,
  ADD COLUMN unread_count integer;
