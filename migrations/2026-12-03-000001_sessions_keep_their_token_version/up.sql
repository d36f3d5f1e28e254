-- A refresh token remembers the token version it was issued under and the
-- time of the password check its session began with.
--
-- A refresh that was in flight while the password changed (or "log out
-- everywhere" ran) committed its new token after the revocation's DELETE
-- had run, and that token went on working. A token whose version is not
-- the account's current one is now refused whenever it is presented, so no
-- ordering of the two transactions lets a session survive.
--
-- `successor_id` and `replayed_at` let a client that lost the answer to a
-- refresh retry it once within 30 seconds (DESIGN §8).
ALTER TABLE refresh_tokens
    ADD COLUMN token_version integer,
    ADD COLUMN auth_time     timestamptz,
    ADD COLUMN successor_id  uuid,
    ADD COLUMN replayed_at   timestamptz;

UPDATE refresh_tokens AS token
SET token_version = users.token_version, auth_time = token.created_at
FROM users
WHERE users.id = token.user_id;

ALTER TABLE refresh_tokens
    ALTER COLUMN token_version SET NOT NULL,
    ALTER COLUMN auth_time SET NOT NULL;
