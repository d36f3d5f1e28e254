-- POST /v1/contacts with a small, realistic body.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"full_name":"Load Test ' .. counter .. '","company":"Benchmark Inc","job_title":"Engineer","tags":["load"],"source":"event"}'
  return wrk.format(nil, nil, nil, body)
end
