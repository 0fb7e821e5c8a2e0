#pragma once
// The HTTP server for an App: its options from the configuration, and its site — API requests
// to App::Handle, readiness to App::Ready, the audit log's keyed checkpoint as periodic work.
// The http layer knows nothing of the App; this is where the two meet.
#include "zhaoshang/app/app.hpp"
#include "zhaoshang/http/server.hpp"

namespace zhaoshang {

http::ServerOptions ServerOptionsOf(const Config& cfg);
// Loads the audit key (logged and checkpoints off when it cannot be read).
http::Site SiteOf(App& app);

}  // namespace zhaoshang
