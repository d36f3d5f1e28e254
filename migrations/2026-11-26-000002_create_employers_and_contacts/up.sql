-- The job seeker's network: target employers (the LAMP list) and contacts.

-- Accent- and case-insensitive search: "jose" finds "José". unaccent,
-- pg_trgm and btree_gin are trusted extensions, so the database owner may
-- create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- unaccent() is only STABLE (its dictionary could change); naming the
-- dictionary makes the result depend on the input alone, so the wrapper may
-- be IMMUTABLE and feed a generated column.
CREATE FUNCTION rapport_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, value));

-- What `q` searches on a contact: name, company, title, field, notes and
-- tags, folded. array_to_string is only STABLE (element output could
-- depend on settings); for text[] it does not, so this may be IMMUTABLE.
CREATE FUNCTION rapport_contact_search_text(
    full_name text, company text, job_title text, field text, notes text, tags text[]
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN rapport_fold(concat_ws(' ', full_name, company, job_title, field, notes,
                                  array_to_string(tags, ' ')));

CREATE TABLE employers (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    website     text CHECK (char_length(website) BETWEEN 1 AND 2048),
    notes       text CHECK (char_length(notes) <= 20000),
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_hold', 'ruled_out')),
    advocacy    boolean NOT NULL DEFAULT false,
    motivation  smallint NOT NULL DEFAULT 0 CHECK (motivation BETWEEN 0 AND 3),
    posting     smallint NOT NULL DEFAULT 1 CHECK (posting BETWEEN 1 AND 3),
    -- The LAMP order in one sortable number: motivation, then posting, then
    -- advocacy, all descending in the list.
    lamp_rank   smallint NOT NULL GENERATED ALWAYS AS (motivation * 100 + posting * 10 + advocacy::int) STORED,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    -- Lets contacts reference (user_id, id), so an employer of another user
    -- cannot be linked even by a bug.
    UNIQUE (user_id, id)
);

-- Names are unique per user whatever their letter case.
CREATE UNIQUE INDEX employers_user_name_key ON employers (user_id, lower(name));
-- The default list order (sort=lamp) and its keyset cursor.
CREATE INDEX employers_user_lamp_idx ON employers (user_id, lamp_rank DESC, lower(name), id);
-- sort=name and its keyset cursor.
CREATE INDEX employers_user_name_idx ON employers (user_id, lower(name), id);

CREATE TABLE contacts (
    id                     uuid PRIMARY KEY,
    user_id                uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    full_name              text NOT NULL CHECK (char_length(full_name) BETWEEN 1 AND 200),
    email                  text CHECK (char_length(email) BETWEEN 1 AND 254),
    phone                  text CHECK (char_length(phone) BETWEEN 1 AND 50),
    linkedin_url           text CHECK (char_length(linkedin_url) BETWEEN 1 AND 2048),
    company                text CHECK (char_length(company) BETWEEN 1 AND 200),
    job_title              text CHECK (char_length(job_title) BETWEEN 1 AND 200),
    field                  text CHECK (char_length(field) BETWEEN 1 AND 200),
    location               text CHECK (char_length(location) BETWEEN 1 AND 200),
    employer_id            uuid,
    source                 text NOT NULL DEFAULT 'other'
        CHECK (source IN ('referral', 'alumni', 'event', 'cold', 'online', 'personal', 'other')),
    referred_by_contact_id uuid,
    has_hiring_power       boolean,
    tags                   text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
    notes                  text CHECK (char_length(notes) <= 20000),
    archived_at            timestamptz,
    version                integer NOT NULL DEFAULT 1,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
        search_text            text NOT NULL GENERATED ALWAYS AS (rapport_contact_search_text(
        full_name, company, job_title, field, notes, tags)) STORED,
    UNIQUE (user_id, id),
    CHECK (referred_by_contact_id <> id),
    -- Both links stay within the owner's data; deleting the target clears
    -- only the link column (PostgreSQL 15 or newer).
    FOREIGN KEY (user_id, employer_id) REFERENCES employers (user_id, id)
        ON DELETE SET NULL (employer_id),
    FOREIGN KEY (user_id, referred_by_contact_id) REFERENCES contacts (user_id, id)
        ON DELETE SET NULL (referred_by_contact_id)
);

-- sort=name (the default) and its keyset cursor; also serves `archived`.
CREATE INDEX contacts_user_name_idx ON contacts (user_id, lower(full_name), id);
-- sort=-updated_at.
CREATE INDEX contacts_user_updated_idx ON contacts (user_id, updated_at DESC, id DESC);
-- sort=created_at.
CREATE INDEX contacts_user_created_idx ON contacts (user_id, created_at, id);
-- q: trigram index for substring search on the folded text, with the owner
-- in the same index (btree_gin) so a rare term finds one user's matches
-- without visiting anyone else's.
CREATE INDEX contacts_user_search_idx ON contacts USING gin (user_id, search_text gin_trgm_ops);
-- tag filter (tags @> ARRAY[tag]).
CREATE INDEX contacts_tags_idx ON contacts USING gin (tags);
-- employer_id filter, employer contact counts and the SET NULL on delete.
CREATE INDEX contacts_employer_idx ON contacts (employer_id) WHERE employer_id IS NOT NULL;
-- referrals of a contact and the SET NULL on delete.
CREATE INDEX contacts_referrer_idx ON contacts (referred_by_contact_id) WHERE referred_by_contact_id IS NOT NULL;
-- Import de-duplication.
CREATE INDEX contacts_user_linkedin_idx ON contacts (user_id, lower(linkedin_url)) WHERE linkedin_url IS NOT NULL;
CREATE INDEX contacts_user_email_idx ON contacts (user_id, lower(email)) WHERE email IS NOT NULL;
