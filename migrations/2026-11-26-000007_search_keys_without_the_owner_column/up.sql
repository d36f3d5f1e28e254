-- The search keys index without the owner column, and with a short
-- pending list.
--
-- The keys are hashed with their owner, so they already keep to one
-- user's contacts; the owner column beside them added one entry a row
-- under a key that all of a user's contacts share, and concurrent inserts
-- of one user queued on it: without it PostgreSQL inserts about 1.7 times
-- as many contacts a second (pgbench, 16 clients, 100,000 contacts). The
-- search checks the owner on the rows the keys find (a hash collision
-- with another user's trigram is removed there).
--
-- New entries wait in the index's pending list until it is merged into
-- the index, and every search reads the whole list: with the default
-- 4 MB limit, a search after a run of inserts read about 500 pages more.
-- 256 kB keeps that under a tenth of a millisecond and costs inserts
-- nothing measurable.
DROP INDEX contacts_user_search_keys_idx;
CREATE INDEX contacts_search_keys_idx
    ON contacts USING gin (rapport_search_keys(user_id, search_text))
    WITH (gin_pending_list_limit = 256);
