-- W3: report a new lead (validation, audit row, durable commit); every investor is new.
dofile("bench/auth.lua")
local counter = 0
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
request = function()
  counter = counter + 1
  local name = string.format("基准%d号投资方%d新材料有限公司", tid or 0, counter)
  local body = string.format(
    '{"name":"基准线索%d-%d","investor_name":"%s","industry_code":"2651","total_investment_yuan":300000000,"source_channel":"online"}',
    tid or 0, counter, name)
  return wrk.format("POST", "/api/v1/projects", nil, body)
end
