-- W1v: the ledger with a different filter, sort and page on (nearly) every request, so the
-- count cache rarely helps: the in-memory index's uncached path.
dofile("bench/auth.lua")
math.randomseed(7)
local stages = {"lead", "in_review", "approved", "negotiating", "signed", "construction",
                "negotiating,signed", "lead,in_review,approved", ""}
local sorts = {"created_at", "total_investment", "stage_since", "step_deadline"}
local industries = {"", "C", "36", "38", "39", "26", "C3"}
request = function()
  local q = "/api/v1/projects?page_size=50&page=" .. math.random(1, 20) ..
            "&sort=" .. sorts[math.random(#sorts)] ..
            "&order=" .. (math.random(2) == 1 and "asc" or "desc")
  local s = stages[math.random(#stages)]
  if s ~= "" then q = q .. "&stage=" .. s end
  local i = industries[math.random(#industries)]
  if i ~= "" and i ~= "C3" then q = q .. "&industry=" .. i end
  if math.random(3) == 1 then q = q .. "&band=" .. math.random(0, 5) end
  return wrk.format("GET", q)
end
