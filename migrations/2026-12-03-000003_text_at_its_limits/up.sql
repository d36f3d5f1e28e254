-- Every text column can hold its maximum.
--
-- A B-tree entry must fit in a third of a page (about 2.7 kB). The name
-- index held each contact's whole folded search text so that walks could
-- be answered from the index alone, and a note of about 5 kB made every
-- insert, update and import of such a contact fail. The index keeps the
-- name and the archive time; a walk reads the text from the table.
DROP INDEX contacts_user_name_idx;
CREATE INDEX contacts_user_name_idx ON contacts (user_id, lower(full_name), id)
    INCLUDE (full_name, archived_at);

-- A LinkedIn URL may be 2,000 characters of four bytes each: too long for a
-- B-tree entry. Nothing looked contacts up by it, nor by email: an import
-- matches rows against the user's contacts in the service.
DROP INDEX contacts_user_linkedin_idx;
DROP INDEX contacts_user_email_idx;

-- URLs stored from users are at most 2,000 characters (DESIGN §8).
ALTER TABLE contacts DROP CONSTRAINT contacts_linkedin_url_check,
    ADD CONSTRAINT contacts_linkedin_url_check CHECK (char_length(linkedin_url) BETWEEN 1 AND 2000);
ALTER TABLE employers DROP CONSTRAINT employers_website_check,
    ADD CONSTRAINT employers_website_check CHECK (char_length(website) BETWEEN 1 AND 2000);
ALTER TABLE interviews DROP CONSTRAINT interviews_meeting_url_check,
    ADD CONSTRAINT interviews_meeting_url_check CHECK (char_length(meeting_url) BETWEEN 1 AND 2000);
ALTER TABLE webhooks DROP CONSTRAINT webhooks_url_check,
    ADD CONSTRAINT webhooks_url_check CHECK (char_length(url) BETWEEN 1 AND 2000);
