DROP TRIGGER interviews_question_set_owner ON interviews;
DROP FUNCTION rapport_check_question_set_owner();

ALTER TABLE webhook_deliveries
    DROP CONSTRAINT webhook_deliveries_webhook_fkey,
    ADD CONSTRAINT webhook_deliveries_webhook_id_fkey FOREIGN KEY (webhook_id)
        REFERENCES webhooks (id) ON DELETE CASCADE;

ALTER TABLE contacts
    DROP CONSTRAINT contacts_source_interview_fkey,
    ADD CONSTRAINT contacts_source_interview_id_fkey FOREIGN KEY (source_interview_id)
        REFERENCES interviews (id) ON DELETE SET NULL;

ALTER TABLE reminders
    DROP CONSTRAINT reminders_interview_fkey,
    DROP CONSTRAINT reminders_contact_fkey,
    DROP CONSTRAINT reminders_action_item_fkey,
    ADD CONSTRAINT reminders_interview_id_fkey FOREIGN KEY (interview_id)
        REFERENCES interviews (id) ON DELETE CASCADE,
    ADD CONSTRAINT reminders_contact_id_fkey FOREIGN KEY (contact_id)
        REFERENCES contacts (id) ON DELETE CASCADE,
    ADD CONSTRAINT reminders_action_item_id_fkey FOREIGN KEY (action_item_id)
        REFERENCES action_items (id) ON DELETE SET NULL;

ALTER TABLE action_items
    DROP CONSTRAINT action_items_interview_fkey,
    ADD CONSTRAINT action_items_interview_id_fkey FOREIGN KEY (interview_id)
        REFERENCES interviews (id) ON DELETE CASCADE;

ALTER TABLE webhooks DROP CONSTRAINT webhooks_user_id_id_key;
ALTER TABLE action_items DROP CONSTRAINT action_items_user_id_id_key;
