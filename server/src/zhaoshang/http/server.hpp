#pragma once
// The HTTP server (Boost.Beast coroutines). Beast stays inside server.cpp.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "zhaoshang/http/message.hpp"

namespace zhaoshang::http {

// How the server listens, limits and times out (from the application's configuration).
struct ServerOptions {
  std::string listen = "127.0.0.1:8080";
  std::string static_dir;  // the web app; empty or missing: API only
  int64_t body_limit = 1 << 20, upload_limit = 5 << 20, attachment_limit = 20 << 20;
  int io_threads = 1, workers = 4, max_queue = 2048;
  int header_timeout_s = 10, idle_timeout_s = 60, body_timeout_s = 30;
  bool https = false;  // served over HTTPS (HSTS)
  std::string trusted_proxies;
  bool access_log = true;
  int checkpoint_interval_s = 60;  // 0: the checkpoint runs only at start and shutdown
};

// The largest body a request may carry: Excel imports (…/import/…) and attachments (POST
// …/attachments) are files; everything else is JSON.
int64_t BodyLimitFor(const ServerOptions& o, std::string_view method, std::string_view target);

// What the server serves, handed in by the application: the server knows nothing of it.
// Each runs on the worker pool, never on an I/O thread.
struct Site {
  std::function<Response(const Request&)> api;  // every /api/ request (target parsed)
  std::function<bool()> ready;                  // /readyz
  // Periodic work at start, every checkpoint_interval_s and after the last request (the audit
  // log's keyed checkpoint); empty: none. Never runs twice at once.
  std::function<void()> checkpoint;
};

class Server {
 public:
  Server(ServerOptions options, Site site);
  ~Server();

  // Binds the configured address (port 0 = any free port); returns the port.
  uint16_t Listen();
  // Serves until SIGINT/SIGTERM or Stop(); in-flight requests complete first.
  void Run();
  // Runs in background threads (tests); Stop() then joins.
  void Start();
  void Stop();
  // Runs fn on the database worker pool (tests use it to occupy the workers).
  void PostToWorkers(std::function<void()> fn);
  // API requests waiting for or running on a worker.
  int pending() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zhaoshang::http
