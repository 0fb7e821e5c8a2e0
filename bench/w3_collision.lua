-- W3c: the collision check the lead form calls while the promoter types an investor name.
dofile("bench/auth.lua")
local names = {"上海申能动力电池有限公司", "华鑫新能源科技有限公司", "远景动力电池股份有限公司", "中科新材料有限公司"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/projects/collision-check", nil,
    string.format('{"investor_name":"%s%d"}', names[(i % #names) + 1], i % 7))
end
