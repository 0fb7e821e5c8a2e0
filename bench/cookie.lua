-- wrk script: every request carries the session cookie of a logged-in bench user.
local cookie = os.getenv("ZS_COOKIE")
if cookie == nil or cookie == "" then
  error("ZS_COOKIE is not set")
end
wrk.headers["Cookie"] = "zs_session=" .. cookie
