-- Reminders, webhook endpoints with their delivery outbox, calendar feeds.

CREATE TABLE reminders (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('prepare', 'follow_up', 'next_contact', 'thank_you',
        'reconnect', 'action_item', 'custom')),
    title          text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    note           text CHECK (char_length(note) <= 20000),
    due_at         timestamptz NOT NULL,
    status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dismissed')),
    origin         text NOT NULL CHECK (origin IN ('auto', 'manual')),
    interview_id   uuid REFERENCES interviews (id) ON DELETE CASCADE,
    contact_id     uuid REFERENCES contacts (id) ON DELETE CASCADE,
    -- The action item an `action_item` reminder follows; cleared (and the
    -- reminder retired) when the item goes.
    action_item_id uuid REFERENCES action_items (id) ON DELETE SET NULL,
    notified_at    timestamptz,
    snoozed_until  timestamptz,
    completed_at   timestamptz,
    version        integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
-- What the dispatcher claims: pending, not yet notified, by when it is due.
CREATE INDEX reminders_dispatch_idx ON reminders ((coalesce(snoozed_until, due_at)))
    WHERE status = 'pending' AND notified_at IS NULL;
-- The list by due time and its keyset cursor; /due and overdue counts.
CREATE INDEX reminders_user_due_idx ON reminders (user_id, due_at, id);
-- Rules find an interview's reminders to move or retire them.
CREATE INDEX reminders_interview_idx ON reminders (interview_id) WHERE interview_id IS NOT NULL;
CREATE INDEX reminders_action_item_idx ON reminders (action_item_id) WHERE action_item_id IS NOT NULL;
CREATE INDEX reminders_contact_idx ON reminders (contact_id) WHERE contact_id IS NOT NULL;

CREATE TABLE webhooks (
    id         uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url        text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2048),
    events     text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 10),
    -- whsec_<base64 of 32 random bytes>; shown once, needed to sign.
    secret     text NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_user_idx ON webhooks (user_id, created_at, id);

-- The outbox: one row per event and endpoint, written in the transaction
-- of the event; its id is the Standard Webhooks message id, the same on
-- every attempt.
CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    webhook_id       uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event            text NOT NULL,
    payload          jsonb NOT NULL,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    last_status_code integer,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    -- A worker's claim; when it passes without a result (the worker died),
    -- another worker sends the delivery.
    locked_until     timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now()
);
-- What the delivery workers claim.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'retrying');
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC, id DESC);

CREATE TABLE calendar_feeds (
    user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- SHA-256 of the feed token: the token itself is never stored.
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
