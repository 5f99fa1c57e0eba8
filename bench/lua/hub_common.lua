-- Shared by the hub's wrk scripts (bench/hub): JSON POSTs to /eprocurement/*
-- with HTTP Basic, an answer counted as an error unless its HTTP status is the
-- expected one and its body holds the expected text; prints the same
-- machine-readable BENCH line as common.lua.
--
-- Environment: OG_AUTH (the Authorization header's value), OG_ITEMS (how many
-- catalogue items BENCH BR-0001 .. BR-<n> to pick from at random, default 100),
-- OG_LIMIT (stop each thread after about this many answers; 0 = run for -d).

local M = {}

M.auth = os.getenv("OG_AUTH") or ""
M.items = tonumber(os.getenv("OG_ITEMS") or "100")
M.limit = tonumber(os.getenv("OG_LIMIT") or "0")

function M.reference(i)
  return string.format("BR-%04d", i)
end

-- Installs setup/init/request/response/done for POSTs to `path`; `body` makes
-- a new body per request (thread-local state is fine: one Lua state per thread).
function M.install(path, body, expect_status, expect_text)
  -- OG_DELAY_MS: each connection waits this long before each request, so the
  -- offered load is fixed (connections x 1000 / delay per second) instead of
  -- as much as the server takes; wrk's latencies leave the wait out.
  local pace = tonumber(os.getenv("OG_DELAY_MS") or "0")
  if pace > 0 then
    function delay() return pace end
  end
  local threads = {}

  function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
  end

  function init(args)
    wrk.method = "POST"
    wrk.path = path
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = M.auth
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
    responses = 0
    status_errors = 0
    body_errors = 0
    first_error = ""
  end

  function request()
    return wrk.format(nil, nil, nil, body())
  end

  function response(status, hdrs, resp_body)
    responses = responses + 1
    if status ~= expect_status then
      status_errors = status_errors + 1
      if first_error == "" then first_error = "HTTP " .. status .. " " .. string.sub(resp_body or "", 1, 200) end
    elseif expect_text and not (resp_body and string.find(resp_body, expect_text, 1, true)) then
      body_errors = body_errors + 1
      if first_error == "" then first_error = string.sub(resp_body or "", 1, 300) end
    end
    if M.limit > 0 and responses >= M.limit then wrk.thread:stop() end
  end

  function done(summary, latency, requests)
    local checked, st, bd, first = 0, 0, 0, ""
    for _, t in ipairs(threads) do
      checked = checked + (t:get("responses") or 0)
      st = st + (t:get("status_errors") or 0)
      bd = bd + (t:get("body_errors") or 0)
      local f = t:get("first_error")
      if first == "" and f and f ~= "" then first = f end
    end
    local e = summary.errors
    local socket = e.connect + e.read + e.write + e.timeout
    local seconds = summary.duration / 1e6
    io.write(string.format(
      "BENCH requests=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d checked=%d status_errors=%d body_errors=%d "
        .. "connect_errors=%d read_errors=%d write_errors=%d timeouts=%d errors=%d\n",
      summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, checked, st, bd, e.connect, e.read, e.write, e.timeout, st + bd + socket))
    if first ~= "" then io.write("BENCH first_error: " .. string.gsub(first, "\n", " ") .. "\n") end
  end
end

return M
