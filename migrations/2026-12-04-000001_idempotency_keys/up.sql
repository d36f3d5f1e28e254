-- Idempotency keys (DESIGN §9): the first request with a key claims it,
-- and its answer is kept in the transaction of its effect, so that a retry
-- gets the answer instead of running again, on any replica.
CREATE TABLE idempotency_keys (
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- SHA-256 of the method, the path with its query, and the body.
    fingerprint   bytea NOT NULL,
    -- While no answer is kept, the claim of the request that runs; one
    -- that lapses (its replica died) is taken over by the next retry.
    claimed_until timestamptz NOT NULL,
    status        smallint,
    content_type  text,
    location      text,
    etag          text,
    body          bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

-- Keys are forgotten after 72 hours.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
