-- The name order's index also holds what a search walking it needs to
-- settle each contact: the folded text, the name and the archive time.
--
-- A term that many contacts contain is found by walking the list in name
-- order until a page of matches is full (src/contacts/search.rs). Each
-- contact walked past was read from the table to check its text: about
-- 2 µs under load, a page of a term a thirtieth of the contacts contain
-- reading some 800 rows. With the columns in the index the walk is an
-- index-only scan (pages changed since the last vacuum are still read from
-- the table) and only the page's own rows are read: such a search costs
-- PostgreSQL about half as much (pgbench, 8 clients, 100,000 contacts).
-- Inserts were measured at the same speed with either index.
DROP INDEX contacts_user_name_idx;
CREATE INDEX contacts_user_name_idx ON contacts (user_id, lower(full_name), id)
    INCLUDE (full_name, archived_at, search_text);
