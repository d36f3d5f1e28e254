-- Seeds the reminders benchmark: 1,000 users, each with a webhook on the
-- local receiver (:'receiver') subscribed to reminder.due and 100 reminders
-- already due: 100,000 reminders to deliver.
\set ON_ERROR_STOP on

INSERT INTO users (id, email, password_hash, display_name)
SELECT gen_random_uuid(), 'reminders' || n || '@example.com', 'not-a-hash', 'Reminders ' || n
FROM generate_series(1, 1000) AS n;

INSERT INTO webhooks (id, user_id, url, events, secret)
SELECT gen_random_uuid(), id, :'receiver', '{reminder.due}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
FROM users WHERE email LIKE 'reminders%@example.com';

INSERT INTO reminders (id, user_id, kind, title, due_at, origin)
SELECT gen_random_uuid(), users.id, 'custom', 'Reminder ' || n, now() - interval '1 minute', 'manual'
FROM users, generate_series(1, 100) AS n
WHERE users.email LIKE 'reminders%@example.com';

ANALYZE users;
ANALYZE webhooks;
ANALYZE reminders;
