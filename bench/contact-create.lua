-- POST /v1/contacts with a small, realistic body, spread over the accounts
-- whose tokens BENCH_CREATE_TOKENS names (one a line): one account holds
-- at most 30,000 contacts, and a 35 s run creates about 100,000.
wrk.method = "POST"
local tokens = {}
for line in io.lines(os.getenv("BENCH_CREATE_TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"full_name":"Load Test ' .. counter .. '","company":"Benchmark Inc","job_title":"Engineer","tags":["load"],"source":"event"}'
  -- Headers given here replace wrk.headers.
  local headers = {
    ["Authorization"] = "Bearer " .. tokens[counter % #tokens + 1],
    ["Content-Type"] = "application/json",
  }
  return wrk.format(nil, nil, headers, body)
end
