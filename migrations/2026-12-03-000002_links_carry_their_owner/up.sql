-- Links between a user's rows carry the owner, so the database itself
-- refuses a link to another user's row, whatever the code above it does.
-- Deleting the target keeps doing what it did: cascade, or clear only the
-- link column.

ALTER TABLE action_items ADD CONSTRAINT action_items_user_id_id_key UNIQUE (user_id, id);
ALTER TABLE webhooks ADD CONSTRAINT webhooks_user_id_id_key UNIQUE (user_id, id);

ALTER TABLE action_items
    DROP CONSTRAINT action_items_interview_id_fkey,
    ADD CONSTRAINT action_items_interview_fkey FOREIGN KEY (user_id, interview_id)
        REFERENCES interviews (user_id, id) ON DELETE CASCADE;

ALTER TABLE reminders
    DROP CONSTRAINT reminders_interview_id_fkey,
    DROP CONSTRAINT reminders_contact_id_fkey,
    DROP CONSTRAINT reminders_action_item_id_fkey,
    ADD CONSTRAINT reminders_interview_fkey FOREIGN KEY (user_id, interview_id)
        REFERENCES interviews (user_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT reminders_contact_fkey FOREIGN KEY (user_id, contact_id)
        REFERENCES contacts (user_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT reminders_action_item_fkey FOREIGN KEY (user_id, action_item_id)
        REFERENCES action_items (user_id, id) ON DELETE SET NULL (action_item_id);

ALTER TABLE contacts
    DROP CONSTRAINT contacts_source_interview_id_fkey,
    ADD CONSTRAINT contacts_source_interview_fkey FOREIGN KEY (user_id, source_interview_id)
        REFERENCES interviews (user_id, id) ON DELETE SET NULL (source_interview_id);

ALTER TABLE webhook_deliveries
    DROP CONSTRAINT webhook_deliveries_webhook_id_fkey,
    ADD CONSTRAINT webhook_deliveries_webhook_fkey FOREIGN KEY (user_id, webhook_id)
        REFERENCES webhooks (user_id, id) ON DELETE CASCADE;

-- An interview's question set may be one of the library's (no owner), so
-- a two-column key cannot say it; a trigger refuses another user's own set.
CREATE FUNCTION rapport_check_question_set_owner() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.question_set_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM question_sets
        WHERE id = NEW.question_set_id AND user_id IS DISTINCT FROM NEW.user_id AND user_id IS NOT NULL
    ) THEN
        RAISE EXCEPTION 'question set % belongs to another user', NEW.question_set_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'interviews_question_set_owner';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER interviews_question_set_owner
    BEFORE INSERT OR UPDATE OF question_set_id, user_id ON interviews
    FOR EACH ROW EXECUTE FUNCTION rapport_check_question_set_owner();
