-- Real carriers and SMS compliance keywords.

-- A number may have no carrier of its own (a voice DID used as caller ID, say): agents' texts in its
-- conversations then leave through the agent's default caller ID (carriers/outbound-route.ts).
ALTER TABLE numbers ALTER COLUMN carrier DROP NOT NULL;

-- STOP/START per (our number, customer number), written only by compliance/keyword-responder.ts.
-- keyword_message_seq is messages.seq of the inbound keyword that set the row: a keyword is applied
-- only when it is newer, so a carrier retrying an old STOP after the customer's START changes nothing.
CREATE TABLE opt_outs (
  did_number text NOT NULL REFERENCES numbers (number) ON DELETE CASCADE,
  customer_number text NOT NULL,
  opted_out boolean NOT NULL,
  keyword_message_seq bigint NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (did_number, customer_number)
);

-- Agents see the state on the conversation (optedOut). The column mirrors opt_outs through the two
-- triggers below, so every conversation query (SELECT c.*, RETURNING *) carries it without knowing
-- about opt-outs, and a conversation created after the STOP starts out opted out.
ALTER TABLE conversations ADD COLUMN opted_out boolean NOT NULL DEFAULT false;

CREATE FUNCTION conversation_opted_out_from_opt_outs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.opted_out := COALESCE(
    (SELECT o.opted_out FROM opt_outs o WHERE o.did_number = NEW.did_number AND o.customer_number = NEW.customer_number),
    false);
  RETURN NEW;
END $$;
CREATE TRIGGER conversations_opted_out_on_write
  BEFORE INSERT OR UPDATE OF did_number, customer_number ON conversations
  FOR EACH ROW EXECUTE FUNCTION conversation_opted_out_from_opt_outs();

CREATE FUNCTION opt_outs_to_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET opted_out = NEW.opted_out
  WHERE did_number = NEW.did_number AND customer_number = NEW.customer_number AND opted_out IS DISTINCT FROM NEW.opted_out;
  RETURN NULL;
END $$;
CREATE TRIGGER opt_outs_mirror_to_conversations
  AFTER INSERT OR UPDATE ON opt_outs
  FOR EACH ROW EXECUTE FUNCTION opt_outs_to_conversations();
