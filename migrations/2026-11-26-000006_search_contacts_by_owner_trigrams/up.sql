-- Contact search by trigram keys that belong to one owner.
--
-- The trigram index on (user_id, search_text) kept one posting list per
-- trigram for all users together, so a search read every user's entries
-- for its trigrams before keeping the owner's: its cost grew with the whole
-- table, not with the caller's network (up to 2.7 ms of index work a
-- search with 100,000 contacts in the table). Here every trigram is hashed
-- together with the owner, so a key's posting list holds one user's
-- contacts only.
--
-- Keys come from the interior trigrams of each word of the folded text
-- (pg_trgm's word split; no padding, ASCII letters and digits only): every
-- interior trigram of a search term's words is an interior trigram of the
-- words of any text that contains the term, so the index never loses a
-- match. It may return more rows than match (trigrams in another order,
-- a rare hash collision); the search checks the text itself as well.
-- Trigrams with other characters are left out: pg_trgm shows those only as
-- a hash, which does not tell a word's padded edge from its inside. Terms
-- without a key are answered by walking the list instead.
CREATE FUNCTION rapport_search_keys(owner uuid, folded text) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
DECLARE
    seed bigint := hashtextextended(owner::text, 0);
BEGIN
    RETURN ARRAY(
        SELECT (hashtextextended(trigram, seed) >> 32)::integer
        FROM unnest(show_trgm(folded)) AS trigram
        WHERE octet_length(trigram) = 3 AND strpos(trigram, ' ') = 0
    );
END
$$;

-- The owner is a column of the same index (btree_gin), so a search needs no
-- second index to keep to the caller's rows.
CREATE INDEX contacts_user_search_keys_idx
    ON contacts USING gin (user_id, rapport_search_keys(user_id, search_text));
DROP INDEX contacts_user_search_idx;

-- The service reads this column's histogram to tell a term that most
-- contacts contain (answered best by walking the list in order) from a rare
-- one (answered best by the keys); a finer histogram tells them apart at a
-- few percent.
ALTER TABLE contacts ALTER COLUMN search_text SET STATISTICS 1000;
