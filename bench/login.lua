-- POST /v1/auth/login as the benchmark user: a rate-limit spend, an
-- account lookup and an Argon2 check each.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@example.com","password":"benchmark-password"}'
