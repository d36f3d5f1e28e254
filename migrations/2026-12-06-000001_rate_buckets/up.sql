-- Rate limits and quotas kept where every replica sees them (DESIGN §11):
-- one token bucket a key. Unlogged: a bucket is worth no WAL, and after a
-- crash every budget starts full, which is the worst a restart can do to a
-- limit anyway.
CREATE UNLOGGED TABLE rate_buckets (
    -- Built by the service ("sign_in:<address>", "ping:<id>"), never
    -- taken from a client as it is.
    key        text PRIMARY KEY,
    tokens     double precision NOT NULL,
    updated_at timestamptz NOT NULL,
    -- When the bucket is full again (or, for one that does not refill,
    -- when its window ends): past it the row says nothing a new one would
    -- not, and the pruning job deletes it.
    forget_at  timestamptz NOT NULL
);
CREATE INDEX rate_buckets_forget_at_idx ON rate_buckets (forget_at);

-- Spends one token of `p_key`'s bucket, `p_burst` deep and refilled at
-- `p_per_second` (0: never; the bucket is forgotten at `p_window_end`).
-- `retry_after` is the seconds until a token is there again (null when it
-- never will be before the window ends). One round trip; concurrent spends
-- of one key queue on its row.
CREATE FUNCTION rapport_spend(
    p_key text,
    p_burst double precision,
    p_per_second double precision,
    p_window_end timestamptz DEFAULT NULL,
    OUT allowed boolean,
    OUT remaining double precision,
    OUT retry_after double precision
) LANGUAGE plpgsql AS $$
DECLARE
    at timestamptz := clock_timestamp();
    level double precision;
BEGIN
    -- A new bucket is full; an old one has refilled since it was last
    -- touched. Either way the row is locked until this transaction ends.
    INSERT INTO rate_buckets AS bucket (key, tokens, updated_at, forget_at)
    VALUES (p_key, p_burst, at, at)
    ON CONFLICT (key) DO UPDATE SET
        tokens = least(p_burst, bucket.tokens
                       + greatest(0, extract(epoch FROM at - bucket.updated_at)) * p_per_second),
        updated_at = at
    RETURNING tokens INTO level;
    allowed := level >= 1;
    IF allowed THEN
        level := level - 1;
    END IF;
    remaining := level;
    retry_after := CASE
        WHEN allowed THEN 0
        WHEN p_per_second > 0 THEN (1 - level) / p_per_second
    END;
    UPDATE rate_buckets SET
        tokens = level,
        forget_at = CASE
            WHEN p_per_second > 0 THEN at + make_interval(secs => (p_burst - level) / p_per_second)
            ELSE coalesce(p_window_end, at)
        END
    WHERE key = p_key;
END
$$;
