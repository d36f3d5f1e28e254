DROP INDEX contacts_search_keys_idx;
CREATE INDEX contacts_user_search_keys_idx
    ON contacts USING gin (user_id, rapport_search_keys(user_id, search_text));
