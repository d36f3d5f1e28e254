-- Accounts and their refresh tokens.

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
    password_hash text NOT NULL,
    display_name  text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
    time_zone     text NOT NULL DEFAULT 'UTC',
    target_field  text CHECK (char_length(target_field) BETWEEN 1 AND 200),
    role          text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
    -- Bumped on password change and "log out everywhere": access tokens
    -- carry the version they were issued under and older ones are refused.
    token_version integer NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Emails are unique whatever their letter case; login looks them up by lower(email).
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE refresh_tokens (
    id         uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Every token rotated from one login shares its family; reuse of a spent
    -- token revokes the whole family.
    family_id  uuid NOT NULL,
    -- SHA-256 of the token: the token itself is never stored.
    token_hash bytea NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
