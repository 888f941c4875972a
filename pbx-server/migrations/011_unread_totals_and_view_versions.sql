-- The inbound path's write cost: a customer's text no longer writes a row per member.

-- Unread counts without a counter per member. unread_total counts the texts of the conversation
-- that count as unread for someone (bumped once per text, with the activity columns the text
-- updates anyway); a member's unread count is unread_total - unread_base. A member's own text moves
-- its base along (it is not unread for its sender); a read mark sets the base so that the texts
-- after the mark remain; a member who joins starts at zero unread, as before.
ALTER TABLE conversations ADD COLUMN unread_total bigint NOT NULL DEFAULT 0;
ALTER TABLE conversation_members ADD COLUMN unread_base bigint NOT NULL DEFAULT 0;
UPDATE conversation_members SET unread_base = -unread_count;
ALTER TABLE conversation_members DROP COLUMN unread_count;

CREATE FUNCTION conversation_members_start_read() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.unread_base := COALESCE((SELECT unread_total FROM conversations WHERE id = NEW.conversation_id), 0);
  RETURN NEW;
END $$;
CREATE TRIGGER conversation_members_start_read BEFORE INSERT ON conversation_members
  FOR EACH ROW EXECUTE FUNCTION conversation_members_start_read();

-- Conversation views are cached by the inbound path (routing/inbound-views.ts), keyed by
-- (view_version, view_epoch.epoch). The triggers below bump one or the other in the transaction that
-- changes anything a view shows (conversations/views.ts), so a key seen in a snapshot names
-- exactly one view: view_version for the conversation's own row, members and external numbers;
-- the epoch for what many conversations share (agent and group names, the phonebook, caller names).
-- A new source of view data needs a trigger here too.
ALTER TABLE conversations ADD COLUMN view_version bigint NOT NULL DEFAULT 0;

-- Any column but the activity a text moves and the counters (compared as JSON so a column added
-- later is covered without touching this function).
CREATE FUNCTION conversations_bump_view_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_jsonb(NEW) - '{last_message_at,last_message_preview,unread_total,view_version}'::text[]
     IS DISTINCT FROM to_jsonb(OLD) - '{last_message_at,last_message_preview,unread_total,view_version}'::text[] THEN
    NEW.view_version := OLD.view_version + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER conversations_view_version BEFORE UPDATE ON conversations
  FOR EACH ROW EXECUTE FUNCTION conversations_bump_view_version();

-- Members and external numbers: once per statement (a conversation routed to a group gains all its
-- members in one INSERT), through the statement's transition table.
CREATE FUNCTION bump_view_versions_of_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET view_version = view_version + 1 WHERE id IN (SELECT conversation_id FROM changed_rows);
  RETURN NULL;
END $$;
CREATE FUNCTION bump_view_versions_of_updated_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET view_version = view_version + 1 WHERE id IN (OLD.conversation_id, NEW.conversation_id);
  RETURN NULL;
END $$;
CREATE TRIGGER conversation_members_added_view_version AFTER INSERT ON conversation_members
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_view_versions_of_changed_rows();
CREATE TRIGGER conversation_members_removed_view_version AFTER DELETE ON conversation_members
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_view_versions_of_changed_rows();
-- unread_base and the read mark are not part of the shared view: updating them bumps nothing.
CREATE TRIGGER conversation_members_moved_view_version AFTER UPDATE OF conversation_id, agent_id, joined_at ON conversation_members
  FOR EACH ROW EXECUTE FUNCTION bump_view_versions_of_updated_row();
CREATE TRIGGER conversation_externals_added_view_version AFTER INSERT ON conversation_externals
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_view_versions_of_changed_rows();
CREATE TRIGGER conversation_externals_removed_view_version AFTER DELETE ON conversation_externals
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_view_versions_of_changed_rows();
CREATE TRIGGER conversation_externals_changed_view_version AFTER UPDATE ON conversation_externals
  FOR EACH ROW EXECUTE FUNCTION bump_view_versions_of_updated_row();

CREATE TABLE view_epoch (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  epoch bigint NOT NULL
);
INSERT INTO view_epoch (epoch) VALUES (0);

CREATE FUNCTION bump_view_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE view_epoch SET epoch = epoch + 1;
  RETURN NULL;
END $$;
-- Agents and groups are updated on every assignment (last_assigned_at, round robin's position):
-- only what a view shows of them counts.
CREATE TRIGGER agents_view_epoch AFTER UPDATE ON agents FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.extension IS DISTINCT FROM NEW.extension)
  EXECUTE FUNCTION bump_view_epoch();
CREATE TRIGGER agents_deleted_view_epoch AFTER DELETE ON agents FOR EACH ROW EXECUTE FUNCTION bump_view_epoch();
CREATE TRIGGER agent_groups_view_epoch AFTER UPDATE ON agent_groups FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.extension IS DISTINCT FROM NEW.extension OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION bump_view_epoch();
CREATE TRIGGER agent_groups_deleted_view_epoch AFTER DELETE ON agent_groups FOR EACH ROW EXECUTE FUNCTION bump_view_epoch();
CREATE TRIGGER contacts_view_epoch AFTER UPDATE OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION bump_view_epoch();
CREATE TRIGGER contact_numbers_view_epoch AFTER INSERT OR UPDATE OR DELETE ON contact_numbers FOR EACH ROW EXECUTE FUNCTION bump_view_epoch();
CREATE TRIGGER calls_named_view_epoch AFTER INSERT ON calls FOR EACH ROW WHEN (NEW.caller_name IS NOT NULL)
  EXECUTE FUNCTION bump_view_epoch();
CREATE TRIGGER calls_changed_view_epoch AFTER UPDATE OR DELETE ON calls FOR EACH ROW EXECUTE FUNCTION bump_view_epoch();
