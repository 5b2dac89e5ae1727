-- A mix of what visitors do, in turn: the home page, the catalogue with filters, an example,
-- the API's search, a language check (POST, with a CSRF cookie and token fetched beforehand by
-- benchmarks/nginx.py) and the submission start page. Filtered catalogue and API addresses come
-- from small sets, so after their first request they are page-cache hits for a minute, as
-- with real visitors; the language check and the start page are never cached.
dofile("benchmarks/wrk/report.lua")

local example = os.getenv("BENCH_EXAMPLE_PATH")
local csrf_cookie = os.getenv("BENCH_CSRF_COOKIE")
local csrf_token = os.getenv("BENCH_CSRF_TOKEN")
local words = {"gezinnen", "ouders", "jongeren", "kinderen", "school", "buurt"}
local filters = {"", "&formality=informeel", "&kind=programma"}
local text = "De jongeren in de wijk krijgen ondersteuning van vrijwilligers. " ..
  "Hulpverleners stellen een diagnose en de cliënt krijgt een behandeling op maat."
local counter = 0

local function form(value)
  return (value:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local post_body = "csrfmiddlewaretoken=" .. form(csrf_token) .. "&text=" .. form(text)
local post_headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Cookie"] = "csrftoken=" .. csrf_cookie,
}

request = function()
  counter = counter + 1
  local kind = counter % 6
  local word = words[(counter % #words) + 1]
  if kind == 0 then
    return wrk.format("GET", "/")
  elseif kind == 1 then
    return wrk.format("GET", "/voorbeelden/?q=" .. word .. filters[(counter % #filters) + 1])
  elseif kind == 2 then
    return wrk.format("GET", example)
  elseif kind == 3 then
    return wrk.format("GET", "/api/v1/examples/?q=" .. word)
  elseif kind == 4 then
    return wrk.format("POST", "/taalcheck/", post_headers, post_body)
  else
    return wrk.format("GET", "/insturen/")
  end
end
