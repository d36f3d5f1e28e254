-- GET with the bearer token from BENCH_TOKEN and, when BENCH_IF_NONE_MATCH
-- is set, that If-None-Match.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
local tag = os.getenv("BENCH_IF_NONE_MATCH")
if tag and tag ~= "" then
  wrk.headers["If-None-Match"] = tag
end
