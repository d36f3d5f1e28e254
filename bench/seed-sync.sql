-- Seeds the sync benchmark on top of seed-contacts.sql: 2,000 interviews
-- of the benchmark user (:'bench_user') with its contacts, a fifth of them
-- completed with notes, the rest planned or scheduled; and 40 reminders
-- already due, for GET /v1/reminders/due.
\set ON_ERROR_STOP on
SELECT setseed(0.1205);

INSERT INTO interviews (id, user_id, contact_id, status, purpose, scheduled_start,
                        format, notes, key_insights, completed_at, requested_at, responded_at)
SELECT gen_random_uuid(), :'bench_user', contact.id,
       (ARRAY['planned', 'scheduled', 'completed', 'scheduled', 'planned'])[1 + n % 5],
       'Learn how ' || contact.job_title || 's spend their week',
       CASE WHEN n % 5 IN (1, 2, 3) THEN now() + (n % 60 - 30) * interval '1 day' END,
       CASE WHEN n % 5 IN (1, 2, 3) THEN 'video' END,
       CASE WHEN n % 5 = 2 THEN 'Talked about the team, the on-call rota and how projects are chosen; '
                                || 'suggested reading the engineering blog before applying.' END,
       CASE WHEN n % 5 = 2 THEN 'Hiring picks up in spring.' END,
       CASE WHEN n % 5 = 2 THEN now() + (n % 60 - 30) * interval '1 day' + interval '20 minutes' END,
       CASE WHEN n % 5 IN (1, 2, 3) THEN now() - interval '40 days' END,
       CASE WHEN n % 5 IN (1, 2, 3) THEN now() - interval '38 days' END
FROM (SELECT id, job_title, row_number() OVER (ORDER BY random()) AS n
      FROM contacts WHERE user_id = :'bench_user') AS contact
WHERE n <= 2000;
-- Completed interviews are in the past.
UPDATE interviews SET scheduled_start = now() - interval '10 days',
                      completed_at = now() - interval '10 days' + interval '20 minutes'
WHERE user_id = :'bench_user' AND status = 'completed';

INSERT INTO reminders (id, user_id, kind, title, due_at, origin)
SELECT gen_random_uuid(), :'bench_user', 'custom', 'Reminder ' || n,
       now() - n * interval '1 hour', 'manual'
FROM generate_series(1, 40) AS n;

ANALYZE interviews;
ANALYZE reminders;
