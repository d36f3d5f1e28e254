-- The change log behind GET /v1/sync (DESIGN §9). Every commit that can
-- change what a resource's GET answers appends a row naming the resource;
-- no field values are kept. Rows are only ever inserted, so writers never
-- wait on each other here (an upsert would lock one row per resource and
-- let two transactions deadlock over an employer both touch).
--
-- `xid` is the writing transaction: a reader compares it with the
-- snapshots in its token, so a transaction that commits late still shows
-- after the token read before it committed. `horizon` is the oldest
-- transaction still running when the row was written: every transaction
-- below it had finished, one of the ways the compaction job knows an
-- older row of the same resource committed first and may go.
CREATE SEQUENCE sync_changes_position_seq;

CREATE TABLE sync_changes (
    position bigint PRIMARY KEY DEFAULT nextval('sync_changes_position_seq'),
    user_id uuid NOT NULL,
    resource text NOT NULL CHECK (resource IN ('user', 'contact', 'employer', 'interview',
        'interview_question', 'action_item', 'question_set', 'reminder', 'webhook')),
    id uuid NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    horizon xid8 NOT NULL DEFAULT pg_snapshot_xmin(pg_current_snapshot()),
    changed_at timestamptz NOT NULL DEFAULT now()
);

ALTER SEQUENCE sync_changes_position_seq OWNED BY sync_changes.position;

-- Reads: one user's rows from a snapshot's xmin on.
CREATE INDEX sync_changes_user_xid_idx ON sync_changes (user_id, xid);
-- Compaction: the rows of one resource.
CREATE INDEX sync_changes_resource_idx ON sync_changes (user_id, resource, id, position);
-- The purge: deletions past the history kept.
CREATE INDEX sync_changes_deleted_idx ON sync_changes (changed_at) WHERE deleted;

-- Records that one resource changed. Nothing is recorded without an owner
-- (a library question set) or for an account being deleted: its rows and
-- its log go with it, in whatever order the cascade reaches them.
CREATE FUNCTION rapport_sync_record(owner uuid, kind text, row_id uuid, gone boolean)
    RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF owner IS NULL OR NOT EXISTS (SELECT 1 FROM users WHERE id = owner) THEN
        RETURN;
    END IF;
    INSERT INTO sync_changes (user_id, resource, id, deleted) VALUES (owner, kind, row_id, gone);
END
$$;

-- The resources whose own row is the change: one trigger function for all,
-- told its resource name as the trigger's argument.
CREATE FUNCTION rapport_sync_own_row() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM rapport_sync_record(OLD.user_id, TG_ARGV[0], OLD.id, true);
    ELSE
        PERFORM rapport_sync_record(NEW.user_id, TG_ARGV[0], NEW.id, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER reminders_sync AFTER INSERT OR UPDATE OR DELETE ON reminders
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_own_row('reminder');
CREATE TRIGGER webhooks_sync AFTER INSERT OR UPDATE OR DELETE ON webhooks
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_own_row('webhook');
CREATE TRIGGER action_items_sync AFTER INSERT OR UPDATE OR DELETE ON action_items
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_own_row('action_item');
CREATE TRIGGER employers_sync AFTER INSERT OR UPDATE OR DELETE ON employers
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_own_row('employer');
-- Library sets have no owner and are not listed.
CREATE TRIGGER question_sets_sync AFTER INSERT OR UPDATE OR DELETE ON question_sets
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_own_row('question_set');

-- The account: `/v1/me`. Deleting it deletes its log.
CREATE FUNCTION rapport_sync_user() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM sync_changes WHERE user_id = OLD.id;
    ELSE
        PERFORM rapport_sync_record(NEW.id, 'user', NEW.id, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER users_sync AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_user();

-- A contact, and the employers whose `contact_count` it moves.
CREATE FUNCTION rapport_sync_contact() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM rapport_sync_record(OLD.user_id, 'contact', OLD.id, true);
    ELSE
        PERFORM rapport_sync_record(NEW.user_id, 'contact', NEW.id, false);
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.employer_id IS NOT NULL
        AND (TG_OP = 'DELETE' OR OLD.employer_id IS DISTINCT FROM NEW.employer_id) THEN
        PERFORM rapport_sync_record(OLD.user_id, 'employer', OLD.employer_id, false);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.employer_id IS NOT NULL
        AND (TG_OP = 'INSERT' OR OLD.employer_id IS DISTINCT FROM NEW.employer_id) THEN
        PERFORM rapport_sync_record(NEW.user_id, 'employer', NEW.employer_id, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER contacts_sync AFTER INSERT OR UPDATE OR DELETE ON contacts
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_contact();

-- The other scheduled interviews whose `overlap` warning a slot moves.
CREATE FUNCTION rapport_sync_overlapping(owner uuid, self uuid, slot_start timestamptz,
    minutes integer)
    RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM rapport_sync_record(owner, 'interview', other.id, false) FROM interviews other
    WHERE other.user_id = owner AND other.id <> self AND other.status = 'scheduled'
      AND other.scheduled_start < slot_start + make_interval(mins => minutes)
      AND slot_start < other.scheduled_start + make_interval(mins => other.duration_minutes);
END
$$;

-- An interview; the employer whose `interview_count` it moves; the other
-- interviews whose overlap warning its slot moves. Before a delete, the
-- interview's questions: their cascade cannot name the owner any more.
CREATE FUNCTION rapport_sync_interview() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    moved_slot boolean := TG_OP <> 'UPDATE'
        OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.scheduled_start IS DISTINCT FROM NEW.scheduled_start
        OR OLD.duration_minutes IS DISTINCT FROM NEW.duration_minutes;
BEGIN
    IF TG_OP = 'DELETE' AND TG_WHEN = 'BEFORE' THEN
        PERFORM rapport_sync_record(OLD.user_id, 'interview_question', question.id, true)
        FROM interview_questions question WHERE question.interview_id = OLD.id;
        RETURN OLD;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM rapport_sync_record(OLD.user_id, 'interview', OLD.id, true);
    ELSE
        PERFORM rapport_sync_record(NEW.user_id, 'interview', NEW.id, false);
    END IF;
    IF TG_OP <> 'UPDATE' OR OLD.contact_id IS DISTINCT FROM NEW.contact_id THEN
        PERFORM rapport_sync_record(contact.user_id, 'employer', contact.employer_id, false)
        FROM contacts contact
        WHERE contact.employer_id IS NOT NULL
          AND ((TG_OP <> 'INSERT' AND contact.id = OLD.contact_id AND contact.user_id = OLD.user_id)
            OR (TG_OP <> 'DELETE' AND contact.id = NEW.contact_id AND contact.user_id = NEW.user_id));
    END IF;
    IF moved_slot THEN
        IF TG_OP <> 'INSERT' AND OLD.status = 'scheduled' AND OLD.scheduled_start IS NOT NULL THEN
            PERFORM rapport_sync_overlapping(OLD.user_id, OLD.id, OLD.scheduled_start,
                OLD.duration_minutes);
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status = 'scheduled' AND NEW.scheduled_start IS NOT NULL THEN
            PERFORM rapport_sync_overlapping(NEW.user_id, NEW.id, NEW.scheduled_start,
                NEW.duration_minutes);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER interviews_sync AFTER INSERT OR UPDATE OR DELETE ON interviews
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_interview();
CREATE TRIGGER interviews_sync_questions BEFORE DELETE ON interviews
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_interview();

-- A question of an interview, and the interview whose `too_many_questions`
-- warning its count moves. A question deleted with its interview was
-- recorded before the interview went.
CREATE FUNCTION rapport_sync_interview_question() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    question interview_questions;
    owner uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN
        question := OLD;
    ELSE
        question := NEW;
    END IF;
    SELECT user_id INTO owner FROM interviews WHERE id = question.interview_id;
    IF owner IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM rapport_sync_record(owner, 'interview_question', question.id, TG_OP = 'DELETE');
    IF TG_OP <> 'UPDATE' THEN
        PERFORM rapport_sync_record(owner, 'interview', question.interview_id, false);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER interview_questions_sync AFTER INSERT OR UPDATE OR DELETE ON interview_questions
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_interview_question();

-- A question of one of the user's own sets: the set's body lists it.
CREATE FUNCTION rapport_sync_question() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    set_id uuid;
    owner uuid;
BEGIN
    IF TG_OP = 'DELETE' THEN
        set_id := OLD.question_set_id;
    ELSE
        set_id := NEW.question_set_id;
    END IF;
    SELECT user_id INTO owner FROM question_sets WHERE id = set_id;
    PERFORM rapport_sync_record(owner, 'question_set', set_id, false);
    RETURN NULL;
END
$$;

CREATE TRIGGER questions_sync AFTER INSERT OR UPDATE OR DELETE ON questions
    FOR EACH ROW EXECUTE FUNCTION rapport_sync_question();

-- Where the jobs that keep the log have got to: changes that come from
-- time passing (a contact past its 7-business-day mark, an interview's
-- thank-you overdue) are recorded up to `time_marks_until`; compaction
-- last ran at `compacted_snapshot`, when the log's last row was
-- `compacted_position`, and the time before at `earlier_position`.
CREATE TABLE sync_progress (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    time_marks_until timestamptz NOT NULL,
    compacted_snapshot pg_snapshot,
    compacted_position bigint NOT NULL DEFAULT 0,
    earlier_position bigint NOT NULL DEFAULT 0
);
INSERT INTO sync_progress (time_marks_until) VALUES (now());

-- What the time-marks job looks for, every dispatcher round.
CREATE INDEX contacts_awaiting_mark7_idx ON contacts (segment_mark7_at)
    WHERE segment_responded_at IS NULL AND NOT segment_no_response;
CREATE INDEX interviews_thank_you_due_idx ON interviews (completed_at)
    WHERE status = 'completed' AND thank_you_sent_at IS NULL;

-- What is there already.
INSERT INTO sync_changes (user_id, resource, id) SELECT id, 'user', id FROM users;
INSERT INTO sync_changes (user_id, resource, id) SELECT user_id, 'employer', id FROM employers;
INSERT INTO sync_changes (user_id, resource, id) SELECT user_id, 'contact', id FROM contacts;
INSERT INTO sync_changes (user_id, resource, id) SELECT user_id, 'interview', id FROM interviews;
INSERT INTO sync_changes (user_id, resource, id)
    SELECT interview.user_id, 'interview_question', question.id
    FROM interview_questions question JOIN interviews interview ON interview.id = question.interview_id;
INSERT INTO sync_changes (user_id, resource, id) SELECT user_id, 'action_item', id FROM action_items;
INSERT INTO sync_changes (user_id, resource, id)
    SELECT user_id, 'question_set', id FROM question_sets WHERE user_id IS NOT NULL;
INSERT INTO sync_changes (user_id, resource, id) SELECT user_id, 'reminder', id FROM reminders;
INSERT INTO sync_changes (user_id, resource, id) SELECT user_id, 'webhook', id FROM webhooks;
