-- Caps per user (DESIGN §8), kept by the database itself so that no path —
-- a create, an import, a copy, a rule that makes reminders — can pass one,
-- however many requests race.
--
-- Each user's count of a capped resource is spread over a few slots, each
-- allowed cap / slots. A row is counted in the slot of the database
-- session that inserts it, so the sessions of a pool do not queue on one
-- counter row (counting under a lock of the user's row made one user's
-- contact creation three times slower). No slot passes its share, so the
-- total cannot pass the cap. When a session's slot is full, the row takes
-- room in any slot nobody holds (SKIP LOCKED); adding many rows at once,
-- or finding every slot busy, locks all of the user's slots in order and
-- checks the exact room.

CREATE TABLE usage_caps (
    resource text PRIMARY KEY,
    cap      integer NOT NULL CHECK (cap > 0),
    slots    integer NOT NULL CHECK (slots > 0 AND cap % slots = 0)
);

-- The service's own table of caps (src/limits.rs) is held equal to this
-- one by a test.
INSERT INTO usage_caps (resource, cap, slots) VALUES
    ('contacts', 30000, 16),
    ('employers', 2000, 4),
    ('interviews', 30000, 16),
    ('question_sets', 200, 1),
    ('webhooks', 10, 1),
    ('pending_reminders', 50000, 16),
    ('pending_manual_reminders', 5000, 4);

CREATE TABLE usage_counts (
    user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    resource text NOT NULL REFERENCES usage_caps (resource),
    slot     integer NOT NULL,
    used     integer NOT NULL DEFAULT 0 CHECK (used >= 0),
    PRIMARY KEY (user_id, resource, slot)
);

-- Takes room for `amount` rows of `what` for `owner`, or raises a
-- check_violation naming the constraint `usage_cap_<what>`.
CREATE FUNCTION rapport_take_usage(owner uuid, what text, amount integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    cap_of     integer;
    slot_count integer;
    budget     integer;
    room       bigint;
    remaining  integer := amount;
    free_slot  record;
BEGIN
    IF amount <= 0 THEN
        RETURN;
    END IF;
    SELECT cap, slots INTO cap_of, slot_count FROM usage_caps WHERE resource = what;
    budget := cap_of / slot_count;
    IF amount = 1 THEN
        UPDATE usage_counts SET used = used + 1
        WHERE user_id = owner AND resource = what AND slot = (
            SELECT slot FROM usage_counts
            WHERE user_id = owner AND resource = what AND used < budget
            ORDER BY random() LIMIT 1
            FOR UPDATE SKIP LOCKED);
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    INSERT INTO usage_counts (user_id, resource, slot)
    SELECT owner, what, number FROM generate_series(0, slot_count - 1) AS number
    ON CONFLICT DO NOTHING;
    SELECT coalesce(sum(greatest(budget - used, 0)), 0) INTO room FROM (
        SELECT used FROM usage_counts
        WHERE user_id = owner AND resource = what
        ORDER BY slot FOR UPDATE) AS locked;
    IF room < amount THEN
        RAISE EXCEPTION 'the limit of % % is reached', cap_of, what
            USING ERRCODE = 'check_violation', CONSTRAINT = 'usage_cap_' || what;
    END IF;
    FOR free_slot IN
        SELECT slot, budget - used AS free FROM usage_counts
        WHERE user_id = owner AND resource = what AND used < budget
        ORDER BY slot
    LOOP
        EXIT WHEN remaining = 0;
        UPDATE usage_counts SET used = used + least(free_slot.free, remaining)
        WHERE user_id = owner AND resource = what AND slot = free_slot.slot;
        remaining := remaining - least(free_slot.free, remaining);
    END LOOP;
END
$$;

-- The room `owner` has left for `what`, with every slot locked until the
-- transaction ends, so that an import can take exactly that much.
CREATE FUNCTION rapport_lock_usage_room(owner uuid, what text) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    slot_count integer;
    budget     integer;
    room       bigint;
BEGIN
    SELECT slots, cap / slots INTO slot_count, budget FROM usage_caps WHERE resource = what;
    INSERT INTO usage_counts (user_id, resource, slot)
    SELECT owner, what, number FROM generate_series(0, slot_count - 1) AS number
    ON CONFLICT DO NOTHING;
    SELECT coalesce(sum(greatest(budget - used, 0)), 0) INTO room FROM (
        SELECT used FROM usage_counts
        WHERE user_id = owner AND resource = what
        ORDER BY slot FOR UPDATE) AS locked;
    RETURN room;
END
$$;

-- Gives back the room of `amount` rows of `what` that `owner` deleted.
CREATE FUNCTION rapport_give_back_usage(owner uuid, what text, amount integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    remaining integer := amount;
    used_slot record;
BEGIN
    IF amount <= 0 THEN
        RETURN;
    END IF;
    IF amount = 1 THEN
        UPDATE usage_counts SET used = used - 1
        WHERE user_id = owner AND resource = what AND slot = (
            SELECT slot FROM usage_counts
            WHERE user_id = owner AND resource = what AND used > 0
            ORDER BY random() LIMIT 1
            FOR UPDATE SKIP LOCKED);
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    FOR used_slot IN
        SELECT slot, used FROM usage_counts
        WHERE user_id = owner AND resource = what
        ORDER BY slot FOR UPDATE
    LOOP
        EXIT WHEN remaining = 0;
        UPDATE usage_counts SET used = used - least(used_slot.used, remaining)
        WHERE user_id = owner AND resource = what AND slot = used_slot.slot;
        remaining := remaining - least(used_slot.used, remaining);
    END LOOP;
END
$$;

-- Rows counted whole: contacts, employers, interviews, own question sets,
-- webhooks. TG_ARGV[0] names the resource. A row trigger before the
-- insert, not a statement trigger after it: it needs no transition table
-- of the new rows, and in the usual case it is one update of the session's
-- own slot (a statement trigger cost a fifth of an insert's throughput,
-- this one about a tenth).
CREATE FUNCTION rapport_count_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.user_id IS NULL THEN
        RETURN NEW;
    END IF;
    UPDATE usage_counts SET used = used + 1
    WHERE user_id = NEW.user_id AND resource = TG_ARGV[0]
      AND slot = pg_backend_pid() % (SELECT slots FROM usage_caps WHERE resource = TG_ARGV[0])
      AND used < (SELECT cap / slots FROM usage_caps WHERE resource = TG_ARGV[0]);
    IF NOT FOUND THEN
        PERFORM rapport_take_usage(NEW.user_id, TG_ARGV[0], 1);
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION rapport_count_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    owner record;
BEGIN
    FOR owner IN
        SELECT user_id, count(*)::integer AS amount FROM deleted
        WHERE user_id IS NOT NULL GROUP BY user_id
    LOOP
        PERFORM rapport_give_back_usage(owner.user_id, TG_ARGV[0], owner.amount);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER contacts_count_inserted BEFORE INSERT ON contacts
    FOR EACH ROW EXECUTE FUNCTION rapport_count_inserted('contacts');
CREATE TRIGGER contacts_count_deleted AFTER DELETE ON contacts
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_deleted('contacts');
CREATE TRIGGER employers_count_inserted BEFORE INSERT ON employers
    FOR EACH ROW EXECUTE FUNCTION rapport_count_inserted('employers');
CREATE TRIGGER employers_count_deleted AFTER DELETE ON employers
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_deleted('employers');
CREATE TRIGGER interviews_count_inserted BEFORE INSERT ON interviews
    FOR EACH ROW EXECUTE FUNCTION rapport_count_inserted('interviews');
CREATE TRIGGER interviews_count_deleted AFTER DELETE ON interviews
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_deleted('interviews');
CREATE TRIGGER question_sets_count_inserted BEFORE INSERT ON question_sets
    FOR EACH ROW EXECUTE FUNCTION rapport_count_inserted('question_sets');
CREATE TRIGGER question_sets_count_deleted AFTER DELETE ON question_sets
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_deleted('question_sets');
CREATE TRIGGER webhooks_count_inserted BEFORE INSERT ON webhooks
    FOR EACH ROW EXECUTE FUNCTION rapport_count_inserted('webhooks');
CREATE TRIGGER webhooks_count_deleted AFTER DELETE ON webhooks
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_deleted('webhooks');

-- Reminders count while pending: every origin together, and manual ones on
-- their own. A status change moves a reminder in or out of both.
CREATE FUNCTION rapport_count_pending_reminders() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    change record;
BEGIN
    FOR change IN
        SELECT user_id,
               sum(pending)::integer AS pending,
               sum(manual)::integer AS manual
        FROM (
            SELECT user_id, (status = 'pending')::integer AS pending,
                   (status = 'pending' AND origin = 'manual')::integer AS manual
            FROM new_rows
            UNION ALL
            SELECT user_id, -(status = 'pending')::integer,
                   -(status = 'pending' AND origin = 'manual')::integer
            FROM old_rows
        ) AS moves
        GROUP BY user_id
        HAVING sum(pending) <> 0 OR sum(manual) <> 0
    LOOP
        -- Room is given back before it is taken, so that a statement that
        -- retires one reminder and adds another is never refused.
        PERFORM rapport_give_back_usage(change.user_id, 'pending_reminders', -change.pending);
        PERFORM rapport_give_back_usage(change.user_id, 'pending_manual_reminders', -change.manual);
        PERFORM rapport_take_usage(change.user_id, 'pending_reminders', change.pending);
        PERFORM rapport_take_usage(change.user_id, 'pending_manual_reminders', change.manual);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION rapport_count_inserted_reminders() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    change record;
BEGIN
    FOR change IN
        SELECT user_id, count(*) FILTER (WHERE status = 'pending')::integer AS pending,
               count(*) FILTER (WHERE status = 'pending' AND origin = 'manual')::integer AS manual
        FROM new_rows GROUP BY user_id
    LOOP
        PERFORM rapport_take_usage(change.user_id, 'pending_reminders', change.pending);
        PERFORM rapport_take_usage(change.user_id, 'pending_manual_reminders', change.manual);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION rapport_count_deleted_reminders() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    change record;
BEGIN
    FOR change IN
        SELECT user_id, count(*) FILTER (WHERE status = 'pending')::integer AS pending,
               count(*) FILTER (WHERE status = 'pending' AND origin = 'manual')::integer AS manual
        FROM old_rows GROUP BY user_id
    LOOP
        PERFORM rapport_give_back_usage(change.user_id, 'pending_reminders', change.pending);
        PERFORM rapport_give_back_usage(change.user_id, 'pending_manual_reminders', change.manual);
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER reminders_count_inserted AFTER INSERT ON reminders
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_inserted_reminders();
-- (PostgreSQL allows no column list on a trigger with transition tables:
-- every update fires it, and one that moves no reminder in or out of
-- `pending` changes no count.)
CREATE TRIGGER reminders_count_updated AFTER UPDATE ON reminders
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_pending_reminders();
CREATE TRIGGER reminders_count_deleted AFTER DELETE ON reminders
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_count_deleted_reminders();

-- Caps per parent row: questions in a set, action items of an interview.
-- Counted under a lock of the parent, which keeps few enough rows that
-- counting them is cheap.
CREATE FUNCTION rapport_cap_children() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    parent_table text := TG_ARGV[0];
    parent_column text := TG_ARGV[1];
    cap_of integer := TG_ARGV[2]::integer;
    what text := TG_ARGV[3];
    parent record;
    children integer;
BEGIN
    FOR parent IN EXECUTE format('SELECT DISTINCT %I AS id FROM inserted ORDER BY 1', parent_column)
    LOOP
        EXECUTE format('SELECT 1 FROM %I WHERE id = $1 FOR NO KEY UPDATE', parent_table) USING parent.id;
        EXECUTE format('SELECT count(*) FROM %I WHERE %I = $1', TG_TABLE_NAME, parent_column)
            INTO children USING parent.id;
        IF children > cap_of THEN
            RAISE EXCEPTION 'the limit of % % is reached', cap_of, what
                USING ERRCODE = 'check_violation', CONSTRAINT = 'usage_cap_' || what;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER questions_cap AFTER INSERT ON questions
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_cap_children('question_sets', 'question_set_id', '100', 'questions_in_a_set');
CREATE TRIGGER action_items_cap AFTER INSERT ON action_items
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT
    EXECUTE FUNCTION rapport_cap_children('interviews', 'interview_id', '100', 'action_items_of_an_interview');

-- What every user has now, spread evenly over the slots (a user over a
-- cap already has no room left in any slot).
INSERT INTO usage_counts (user_id, resource, slot, used)
SELECT counted.user_id, counted.resource, number,
       counted.amount / caps.slots + (number < counted.amount % caps.slots)::integer
FROM (
    SELECT user_id, 'contacts' AS resource, count(*) AS amount FROM contacts GROUP BY user_id
    UNION ALL SELECT user_id, 'employers', count(*) FROM employers GROUP BY user_id
    UNION ALL SELECT user_id, 'interviews', count(*) FROM interviews GROUP BY user_id
    UNION ALL SELECT user_id, 'question_sets', count(*) FROM question_sets WHERE user_id IS NOT NULL GROUP BY user_id
    UNION ALL SELECT user_id, 'webhooks', count(*) FROM webhooks GROUP BY user_id
    UNION ALL SELECT user_id, 'pending_reminders', count(*) FROM reminders WHERE status = 'pending' GROUP BY user_id
    UNION ALL SELECT user_id, 'pending_manual_reminders', count(*) FROM reminders
        WHERE status = 'pending' AND origin = 'manual' GROUP BY user_id
) AS counted
JOIN usage_caps AS caps ON caps.resource = counted.resource
CROSS JOIN LATERAL generate_series(0, caps.slots - 1) AS number;
