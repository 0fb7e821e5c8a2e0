-- W2: project detail of a random project.
dofile("bench/auth.lua")
local max_id = tonumber(os.getenv("ZS_MAX_ID"))
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/v1/projects/" .. math.random(1, max_id))
end
