-- GetItemDetails on the XML-POST binding (Content-Type application/xml).
-- usage: wrk -t2 -c64 -d10s -s bench/lua/get_item_details_xml.lua http://127.0.0.1:PORT
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local og = dofile(here .. "common.lua")

local item = os.getenv("OG_ITEM") or "52090311100"
og.install(og.request("GetItemDetailsRequest",
  og.item_id(item) .. '<cbc:Quantity quantityUnitCode="EA">10</cbc:Quantity>'),
  { ["Content-Type"] = "application/xml" })
