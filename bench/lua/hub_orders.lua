-- POST /eprocurement/orders: one line (a random BENCH item, quantity 1) under
-- a clientReference no other request of any run uses; answered 201 (accepted,
-- durable) with status 2. The reference is OG_RUN, the wrk thread's id (set
-- by setup()) and the thread's own counter.
-- usage: OG_AUTH='Basic ...' OG_RUN=<unique> OG_PROVIDER=<id> wrk -t2 -c64 -d10s -s bench/lua/hub_orders.lua http://127.0.0.1:PORT
-- OG_BRAND and OG_REFERENCE name one item instead (bench/cluster orders the
-- demo's MANN W712/95 from prov-b; bench/hub's catalogue is BENCH BR-0001 ..).
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local hub = dofile(here .. "hub_common.lua")

local run = os.getenv("OG_RUN") or tostring(os.time())
local provider = os.getenv("OG_PROVIDER") or "fast-1" -- an order line names its provider
local brand = os.getenv("OG_BRAND") or "BENCH"
local fixed_reference = os.getenv("OG_REFERENCE")
local n = 0

hub.install("/eprocurement/orders", function()
  n = n + 1
  return '{"clientReference":"' .. run .. "-" .. tostring(id) .. "-" .. n
    .. '","items":[{"provider":"' .. provider .. '","brand":"' .. brand .. '","manufacturerReference":"'
    .. (fixed_reference or hub.reference(math.random(hub.items)))
    .. '","quantity":1}]}'
end, 201, '"status":2')
