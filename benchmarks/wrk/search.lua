-- The catalogue's search, never from the page cache: each request has an address of its own
-- (an extra parameter the catalogue ignores), so nginx passes every one to gunicorn.
dofile("benchmarks/wrk/report.lua")

local words = {"gezinnen", "ouders", "jongeren", "kinderen", "armoede wijk", "school",
  "vrijwilligers", "opvoeden", "buurt", "zorg"}
local counter = 0

request = function()
  counter = counter + 1
  local word = words[(counter % #words) + 1]:gsub(" ", "+")
  return wrk.format("GET", "/voorbeelden/?q=" .. word .. "&bench=" .. counter)
end
