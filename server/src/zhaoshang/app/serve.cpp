#include "zhaoshang/app/serve.hpp"

#include <spdlog/spdlog.h>

#include "zhaoshang/audit/audit_anchor.hpp"

namespace zhaoshang {

http::ServerOptions ServerOptionsOf(const Config& cfg) {
  http::ServerOptions o;
  o.listen = cfg.listen;
  o.static_dir = cfg.static_dir;
  o.body_limit = cfg.body_limit;
  o.upload_limit = cfg.upload_limit;
  o.attachment_limit = cfg.attachment_limit;
  o.io_threads = cfg.io_threads;
  o.workers = cfg.workers;
  o.max_queue = cfg.max_queue;
  o.header_timeout_s = cfg.header_timeout_s;
  o.idle_timeout_s = cfg.idle_timeout_s;
  o.body_timeout_s = cfg.body_timeout_s;
  o.https = cfg.secure_cookie;
  o.trusted_proxies = cfg.trusted_proxies;
  o.access_log = cfg.access_log;
  o.checkpoint_interval_s = cfg.audit_checkpoint_interval_s;
  return o;
}

http::Site SiteOf(App& app) {
  http::Site site;
  site.api = [&app](const http::Request& req) { return app.Handle(req); };
  site.ready = [&app] { return app.Ready(); };
  const Config& cfg = app.config();
  auto key = audit::LoadKey({cfg.audit_key, cfg.audit_key_file});
  if (!key) {
    spdlog::error("audit checkpoints are off: {}", key.error().message);
    return site;
  }
  site.checkpoint = [&app, key = *key] {
    const Config& c = app.config();
    auto conn = app.db().Acquire();
    auto r = audit::WriteCheckpoint(*conn, {key, c.audit_anchor_file, app.may_anchor_first()},
                                    app.clock().NowMs());
    if (!r)
      spdlog::error("audit checkpoint refused: {}", r.error().message);
    else if (*r)
      spdlog::debug("audit checkpoint {} at row {}", (*r)->seq, (*r)->last_id);
  };
  return site;
}

}  // namespace zhaoshang
