-- Interviews, their questions and action items, question sets, and what
-- contacts need for segments and referral statistics.

CREATE TABLE question_sets (
    id          uuid PRIMARY KEY,
    -- NULL for the built-in library, which everyone reads and nobody changes.
    user_id     uuid REFERENCES users (id) ON DELETE CASCADE,
    title       text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description text CHECK (char_length(description) <= 2000),
    builtin     boolean NOT NULL DEFAULT false,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (builtin = (user_id IS NULL))
);
-- The list (scope=mine and scope=library) by title, and its keyset cursor.
CREATE INDEX question_sets_user_title_idx ON question_sets (user_id, lower(title), id);

CREATE TABLE questions (
    id              uuid PRIMARY KEY,
    question_set_id uuid NOT NULL REFERENCES question_sets (id) ON DELETE CASCADE,
    position        integer NOT NULL CHECK (position >= 1),
    text            text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
    category        text NOT NULL CHECK (category IN ('day_to_day', 'career_path', 'skills',
        'industry_trends', 'company_culture', 'advice', 'resources', 'referrals')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- Deferrable, so a reorder can swap positions within one transaction.
    UNIQUE (question_set_id, position) DEFERRABLE INITIALLY IMMEDIATE
);

CREATE TABLE interviews (
    id                uuid PRIMARY KEY,
    user_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    contact_id        uuid NOT NULL,
    status            text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'requested',
        'scheduled', 'completed', 'declined', 'no_response', 'cancelled')),
    purpose           text CHECK (char_length(purpose) BETWEEN 1 AND 2000),
    outreach_channel  text CHECK (outreach_channel IN ('phone', 'email', 'linkedin', 'in_person', 'other')),
    outreach_message  text CHECK (char_length(outreach_message) <= 20000),
    requested_at      timestamptz,
    responded_at      timestamptz,
    scheduled_start   timestamptz,
    duration_minutes  integer NOT NULL DEFAULT 20 CHECK (duration_minutes BETWEEN 5 AND 240),
    format            text CHECK (format IN ('in_person', 'phone', 'video')),
    location          text CHECK (char_length(location) BETWEEN 1 AND 200),
    meeting_url       text CHECK (char_length(meeting_url) BETWEEN 1 AND 2048),
    notes             text CHECK (char_length(notes) <= 20000),
    key_insights      text CHECK (char_length(key_insights) <= 20000),
    may_contact_again boolean,
    thank_you_sent_at timestamptz,
    completed_at      timestamptz,
    cancel_reason     text CHECK (char_length(cancel_reason) BETWEEN 1 AND 2000),
    question_set_id   uuid REFERENCES question_sets (id) ON DELETE SET NULL,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, id),
    -- A contact with interviews cannot be deleted (NO ACTION, checked at the
    -- end of the statement, so deleting the whole account still cascades);
    -- the service deletes the interviews first when asked to force it.
    FOREIGN KEY (user_id, contact_id) REFERENCES contacts (user_id, id)
);
-- The list, newest first, and its keyset cursor.
CREATE INDEX interviews_user_created_idx ON interviews (user_id, created_at DESC, id DESC);
-- Overlap warnings and the from/to filter.
CREATE INDEX interviews_user_start_idx ON interviews (user_id, scheduled_start) WHERE scheduled_start IS NOT NULL;
-- A contact's interviews (segments, deletion, the contact filter).
CREATE INDEX interviews_contact_idx ON interviews (contact_id);

CREATE TABLE interview_questions (
    id           uuid PRIMARY KEY,
    interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position >= 1),
    text         text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
    category     text NOT NULL,
    asked        boolean NOT NULL DEFAULT false,
    answer       text CHECK (char_length(answer) <= 20000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (interview_id, position) DEFERRABLE INITIALLY IMMEDIATE
);

CREATE TABLE action_items (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    text         text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
    done         boolean NOT NULL DEFAULT false,
    due_at       timestamptz,
    version      integer NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_items_interview_idx ON action_items (interview_id, created_at, id);

-- A contact's segment comes from its latest request: when it was sent, when
-- (if ever) it was answered, whether it was marked no-response, and the 3-
-- and 7-business-day marks computed in the user's time zone at the time.
ALTER TABLE contacts
    ADD COLUMN segment_requested_at timestamptz,
    ADD COLUMN segment_responded_at timestamptz,
    ADD COLUMN segment_no_response  boolean NOT NULL DEFAULT false,
    ADD COLUMN segment_mark3_at     timestamptz,
    ADD COLUMN segment_mark7_at     timestamptz,
    -- The interview whose referral created this contact (referrals gained).
    ADD COLUMN source_interview_id  uuid REFERENCES interviews (id) ON DELETE SET NULL;

-- The segment at a given time, for the contact list's filter; the service
-- computes the same for responses (contacts::segment).
CREATE FUNCTION rapport_segment(
    requested_at timestamptz, responded_at timestamptz, no_response boolean,
    mark3_at timestamptz, mark7_at timestamptz, at timestamptz
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN requested_at IS NULL THEN 'unknown'
        WHEN responded_at IS NOT NULL AND responded_at <= mark3_at THEN 'booster'
        WHEN responded_at IS NOT NULL THEN 'obligate'
        WHEN no_response OR at > mark7_at THEN 'curmudgeon'
        ELSE 'awaiting'
    END;

-- The built-in question library: 28 open-ended questions in 8 sets, one
-- a category, written for informational interviews (TIARA: trends,
-- insights, advice, resources, assignments). Fixed ids keep them stable
-- across installations.
INSERT INTO question_sets (id, title, description, builtin, user_id) SELECT id::uuid, title, description, true, NULL FROM (VALUES
    ('35a6c342-8758-58a9-9c47-11ca6674033a', 'Day to day', 'What the work is like, hour by hour.'),
    ('cab25283-c54d-5a61-83a0-745a5e6362fc', 'Career path', 'How they got here, and what they learned on the way.'),
    ('9d8ae905-80be-5d8d-b859-c30ed6596718', 'Skills', 'What it takes to do the work well.'),
    ('018dd736-30aa-53dc-821d-27291b439229', 'Industry trends', 'Where the field is heading (the T of TIARA).'),
    ('ccf458a5-93a6-5620-9937-b0af8ddb15f6', 'Company culture', 'How the organisation works from the inside.'),
    ('e3a1c6b0-2ac8-5dcb-8d74-aa768d5114e8', 'Advice', 'What they would tell someone in your position (the A of TIARA).'),
    ('c2349408-4614-5a28-ae54-9b26a766233d', 'Resources', 'Where to learn more (the R of TIARA).'),
    ('332c7156-7654-5fe7-852b-708f62da4473', 'Referrals', 'Who to talk to next.')
) AS library (id, title, description);

INSERT INTO questions (id, question_set_id, position, text, category) SELECT id::uuid, question_set_id::uuid, position, text, category FROM (VALUES
    ('fcbb4237-e357-57a0-bea1-dd4da72e4670', '35a6c342-8758-58a9-9c47-11ca6674033a', 1, 'What does a typical day or week look like for you?', 'day_to_day'),
    ('0e9cbfc2-67e0-582e-8fb8-cd6d5afbb6ec', '35a6c342-8758-58a9-9c47-11ca6674033a', 2, 'Which parts of your work take up most of your time?', 'day_to_day'),
    ('fd064b12-0bd2-55e3-9e42-1a42171eec36', '35a6c342-8758-58a9-9c47-11ca6674033a', 3, 'What do you find most rewarding about your work, and what is most challenging?', 'day_to_day'),
    ('9067e209-d215-5243-b6d2-1792bccb1b8f', '35a6c342-8758-58a9-9c47-11ca6674033a', 4, 'What is one thing about this work that surprised you when you started?', 'day_to_day'),
    ('295586a3-4097-52a6-b172-544d33454b92', 'cab25283-c54d-5a61-83a0-745a5e6362fc', 1, 'How did you get started in this field?', 'career_path'),
    ('47b7c04f-d685-547e-9e16-9cbff17dfcc9', 'cab25283-c54d-5a61-83a0-745a5e6362fc', 2, 'What were the turning points in your career so far?', 'career_path'),
    ('c12f2e30-a3ea-57fe-a373-0cc96afa426b', 'cab25283-c54d-5a61-83a0-745a5e6362fc', 3, 'Which assignments early in your career taught you the most?', 'career_path'),
    ('a5f332d4-52ec-5780-9b90-4860772f9562', 'cab25283-c54d-5a61-83a0-745a5e6362fc', 4, 'If you were starting over today, what would you do differently?', 'career_path'),
    ('e4cf62e7-3e33-5c6c-8fd1-624525da938c', '9d8ae905-80be-5d8d-b859-c30ed6596718', 1, 'Which skills matter most for success in your role?', 'skills'),
    ('4bf2ce8b-20a0-5910-8944-325d8c393d07', '9d8ae905-80be-5d8d-b859-c30ed6596718', 2, 'How did you build the skills you rely on most?', 'skills'),
    ('ee983355-8949-5a2a-87c8-e8fe371a352e', '9d8ae905-80be-5d8d-b859-c30ed6596718', 3, 'What do newcomers to this field usually underestimate?', 'skills'),
    ('c2480cd4-f754-5bac-b659-ba5df9b705a8', '9d8ae905-80be-5d8d-b859-c30ed6596718', 4, 'Which projects are you most proud of, and why?', 'skills'),
    ('6c3f38d1-e091-54b7-9b27-565083ad0bc5', '018dd736-30aa-53dc-821d-27291b439229', 1, 'What trends are changing your field right now?', 'industry_trends'),
    ('c5cc2c19-8f56-521c-87b2-62517da62d24', '018dd736-30aa-53dc-821d-27291b439229', 2, 'How do you see your role evolving over the next five years?', 'industry_trends'),
    ('5f852830-f4d4-51da-9f0a-910b93b1277a', '018dd736-30aa-53dc-821d-27291b439229', 3, 'Which new ideas or technologies are people in your field talking about?', 'industry_trends'),
    ('401e13be-cdba-5688-8b3b-f125f76aab76', 'ccf458a5-93a6-5620-9937-b0af8ddb15f6', 1, 'How would you describe the culture of your team?', 'company_culture'),
    ('66f1cd22-874a-577d-a2fa-59fd0e83c781', 'ccf458a5-93a6-5620-9937-b0af8ddb15f6', 2, 'What kind of person thrives in your organisation?', 'company_culture'),
    ('34fc4392-49cd-5ce3-872a-e78235687abc', 'ccf458a5-93a6-5620-9937-b0af8ddb15f6', 3, 'How are decisions made where you work?', 'company_culture'),
    ('c2c607e7-8054-5b25-9bda-11735f24924e', 'e3a1c6b0-2ac8-5dcb-8d74-aa768d5114e8', 1, 'What advice would you give someone trying to enter this field?', 'advice'),
    ('320d0a48-3a5b-52ad-8c6f-f95a4932275a', 'e3a1c6b0-2ac8-5dcb-8d74-aa768d5114e8', 2, 'What is the best piece of career advice you have received?', 'advice'),
    ('d8171774-f60d-59c9-b8f0-06e096a74532', 'e3a1c6b0-2ac8-5dcb-8d74-aa768d5114e8', 3, 'What mistakes should I avoid as I explore this path?', 'advice'),
    ('651a9824-829d-55f1-a17f-068d84c0e3a5', 'e3a1c6b0-2ac8-5dcb-8d74-aa768d5114e8', 4, 'What would you want to know if you were in my position?', 'advice'),
    ('175cbd2f-5a67-53ac-8ca4-b14f70c44d41', 'c2349408-4614-5a28-ae54-9b26a766233d', 1, 'Which publications, communities or events help you stay current?', 'resources'),
    ('bcdfe8d3-131f-52a7-9856-6ee8f57cb65f', 'c2349408-4614-5a28-ae54-9b26a766233d', 2, 'What books or courses would you recommend to someone like me?', 'resources'),
    ('d627f7d3-4349-5288-a57a-4abc940aa2ab', 'c2349408-4614-5a28-ae54-9b26a766233d', 3, 'Which professional associations are worth joining, and why?', 'resources'),
    ('c797675d-f874-519c-8cd9-fd846544eac5', '332c7156-7654-5fe7-852b-708f62da4473', 1, 'Who else would you suggest I talk to?', 'referrals'),
    ('a685628f-da30-57bf-82fb-ddc6353b055a', '332c7156-7654-5fe7-852b-708f62da4473', 2, 'How would you like me to mention you when I reach out to them?', 'referrals'),
    ('6bb4a240-14d1-5707-8a8d-3e00a275d034', '332c7156-7654-5fe7-852b-708f62da4473', 3, 'Which organisations should be on my radar?', 'referrals')
) AS library (id, question_set_id, position, text, category);
