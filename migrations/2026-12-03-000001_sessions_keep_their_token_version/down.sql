ALTER TABLE refresh_tokens
    DROP COLUMN token_version,
    DROP COLUMN auth_time,
    DROP COLUMN successor_id,
    DROP COLUMN replayed_at;
