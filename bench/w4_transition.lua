-- W4: a stage transition (shelve with a reason) on projects still at version 1, each once.
dofile("bench/auth.lua")
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local ids = {}
local next_index = 1
function init(args)
  local n = tonumber(os.getenv("ZS_THREADS") or "2")
  local k = 0
  for line in io.lines(os.getenv("ZS_IDS_FILE")) do
    if k % n == tid then ids[#ids + 1] = line end
    k = k + 1
  end
end
request = function()
  local id = ids[next_index] or ids[1]
  next_index = next_index + 1
  return wrk.format("POST", "/api/v1/projects/" .. id .. "/transitions", nil,
    '{"to":"shelved","version":1,"reason_code":"investor_paused"}')
end
