ALTER TABLE webhooks DROP CONSTRAINT webhooks_url_check,
    ADD CONSTRAINT webhooks_url_check CHECK (char_length(url) BETWEEN 1 AND 2048);
ALTER TABLE interviews DROP CONSTRAINT interviews_meeting_url_check,
    ADD CONSTRAINT interviews_meeting_url_check CHECK (char_length(meeting_url) BETWEEN 1 AND 2048);
ALTER TABLE employers DROP CONSTRAINT employers_website_check,
    ADD CONSTRAINT employers_website_check CHECK (char_length(website) BETWEEN 1 AND 2048);
ALTER TABLE contacts DROP CONSTRAINT contacts_linkedin_url_check,
    ADD CONSTRAINT contacts_linkedin_url_check CHECK (char_length(linkedin_url) BETWEEN 1 AND 2048);

CREATE INDEX contacts_user_email_idx ON contacts (user_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contacts_user_linkedin_idx ON contacts (user_id, lower(linkedin_url)) WHERE linkedin_url IS NOT NULL;

DROP INDEX contacts_user_name_idx;
CREATE INDEX contacts_user_name_idx ON contacts (user_id, lower(full_name), id)
    INCLUDE (full_name, archived_at, search_text);
