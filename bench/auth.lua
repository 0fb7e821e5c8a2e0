-- Shared by the workload scripts: session cookie and CSRF token from the environment.
local cookie = os.getenv("ZS_COOKIE")
if cookie == nil or cookie == "" then error("ZS_COOKIE is not set") end
wrk.headers["Cookie"] = "zs_session=" .. cookie
wrk.headers["X-CSRF-Token"] = os.getenv("ZS_CSRF") or ""
wrk.headers["Content-Type"] = "application/json"
