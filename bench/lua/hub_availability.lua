-- POST /eprocurement/availability: one request for a random BENCH item
-- (brand + manufacturer reference), answered 200 with a provider's "ok".
-- usage: OG_AUTH='Basic ...' wrk -t2 -c64 -d10s -s bench/lua/hub_availability.lua http://127.0.0.1:PORT
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local hub = dofile(here .. "hub_common.lua")

hub.install("/eprocurement/availability", function()
  return '{"requests":[{"brand":"BENCH","manufacturerReference":"' .. hub.reference(math.random(hub.items))
    .. '","quantity":1}]}'
end, 200, '"status":"ok"')
