ALTER TABLE contacts ALTER COLUMN search_text SET STATISTICS -1;
CREATE INDEX contacts_user_search_idx ON contacts USING gin (user_id, search_text gin_trgm_ops);
DROP INDEX contacts_user_search_keys_idx;
DROP FUNCTION rapport_search_keys(uuid, text);
