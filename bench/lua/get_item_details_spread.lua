-- GetItemDetails (XML-POST) for items spread across a synthetic catalog
-- (ordergate --demo-catalog-items N): every request asks for a random item
-- of 7000000001 .. 7000000000+N, N from OG_CATALOG_ITEMS (default 1000), so
-- the lookups walk the whole B-tree instead of one hot page.
-- usage: OG_CATALOG_ITEMS=100000 wrk -t2 -c64 -d10s -s bench/lua/get_item_details_spread.lua http://127.0.0.1:PORT
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local og = dofile(here .. "common.lua")

local n = tonumber(os.getenv("OG_CATALOG_ITEMS") or "1000")
og.install(function()
  local id = string.format("7%09d", math.random(1, n))
  return og.request("GetItemDetailsRequest", og.item_id(id) .. '<cbc:Quantity quantityUnitCode="EA">10</cbc:Quantity>')
end, { ["Content-Type"] = "application/xml" })
