-- GetItemDetailsList with 50 RequestEntry elements (OG_LIST_ENTRIES to change),
-- cycling over the demo catalogue, on the XML-POST binding.
-- usage: wrk -t2 -c64 -d10s -s bench/lua/get_item_details_list50.lua http://127.0.0.1:PORT
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local og = dofile(here .. "common.lua")

local items = { "52090311600", "52090311100", "200200456", "200300156", "200600221" }
local n = tonumber(os.getenv("OG_LIST_ENTRIES") or "50")
local entries = {}
for i = 1, n do
  entries[#entries + 1] = "<RequestEntry>" .. og.item_id(items[(i - 1) % #items + 1]) .. "</RequestEntry>"
end
og.install(og.request("GetItemDetailsListRequest", table.concat(entries)),
  { ["Content-Type"] = "application/xml" })
