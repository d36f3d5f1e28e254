DROP INDEX contacts_user_name_idx;
CREATE INDEX contacts_user_name_idx ON contacts (user_id, lower(full_name), id);
