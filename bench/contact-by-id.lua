-- GET /v1/contacts/{id} for random ids of the benchmark user.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
request = function()
  return wrk.format("GET", "/v1/contacts/" .. ids[math.random(#ids)])
end
