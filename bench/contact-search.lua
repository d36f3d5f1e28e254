-- GET /v1/contacts?q=… with the kinds of terms people type: a first name,
-- a last name, a company, a job title, a field, a note's words.
local terms = {"jose", "nunez", "priya", "okafor", "fabrikam%20labs", "relecloud", "data%20scientist",
               "pharmacist", "biotech", "hackathon", "lindqvist", "chloe"}
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
request = function()
  return wrk.format("GET", "/v1/contacts?q=" .. terms[math.random(#terms)])
end
