-- Shared by the ordergate wrk scripts (load it with dofile, see the scenario
-- scripts). Counts an answer as an error when the HTTP status is not 200 or
-- the body lacks "<vct:ResponseCode>200<", and prints one machine-readable
-- BENCH line in done() that bench/run parses.
--
-- wrk runs one Lua state per thread plus one for setup()/done(); the per-thread
-- counters are gathered in done() through the thread objects kept by setup().

local M = {}

M.ns = 'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-1.0" '
  .. 'xmlns="urn:veloconnect:order-1.1" xmlns:vct="urn:veloconnect:transaction-1.0" '
  .. 'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-1.0"'

M.buyer = os.getenv("OG_BUYER") or "B127645"
M.password = os.getenv("OG_PASSWORD") or "secret"

-- <Name ns><BuyersID/><Credential/><IsTest/> ... </Name>
function M.request(name, inner)
  return "<" .. name .. " " .. M.ns .. ">"
    .. "<vct:BuyersID>" .. M.buyer .. "</vct:BuyersID>"
    .. "<vct:Credential><vct:Password>" .. M.password .. "</vct:Password></vct:Credential>"
    .. "<vct:IsTest>false</vct:IsTest>" .. inner .. "</" .. name .. ">"
end

function M.item_id(id)
  return "<cac:SellersItemIdentification><cac:ID>" .. id .. "</cac:ID></cac:SellersItemIdentification>"
end

function M.soap11(body)
  return '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>'
    .. body .. "</soapenv:Body></soapenv:Envelope>"
end

-- Installs setup/init/response/done as globals for a POST to /veloconnect:
-- `body` is the fixed body, or a function that makes a new one per request.
function M.install(body, headers)
  -- OG_DELAY_MS: each connection waits this long before each request, so the
  -- offered load is fixed (connections x 1000 / delay per second) instead of
  -- as much as the server takes; wrk's latencies leave the wait out.
  local pace = tonumber(os.getenv("OG_DELAY_MS") or "0")
  if pace > 0 then
    function delay() return pace end
  end
  local threads = {}

  function setup(thread)
    table.insert(threads, thread)
  end

  function init(args)
    wrk.method = "POST"
    wrk.path = os.getenv("OG_PATH") or "/veloconnect"
    for k, v in pairs(headers) do wrk.headers[k] = v end
    if os.getenv("OG_CONNECTION_CLOSE") == "1" then wrk.headers["Connection"] = "close" end
    if type(body) == "function" then
      -- Each thread its own sequence.
      math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
      request = function() return wrk.format(nil, nil, nil, body()) end
    else
      wrk.body = body
    end
    responses = 0
    status_errors = 0
    body_errors = 0
    first_error = ""
  end

  function response(status, hdrs, resp_body)
    responses = responses + 1
    if status ~= 200 then
      status_errors = status_errors + 1
      if first_error == "" then first_error = "HTTP " .. status end
    elseif not (resp_body and string.find(resp_body, "<vct:ResponseCode>200<", 1, true)) then
      body_errors = body_errors + 1
      if first_error == "" then first_error = string.sub(resp_body or "", 1, 300) end
    end
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
