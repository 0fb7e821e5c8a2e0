#pragma once
// The HTTP server (Boost.Beast coroutines). Beast stays inside server.cpp.
#include <cstdint>
#include <functional>
#include <memory>

namespace zhaoshang {
class App;
}

namespace zhaoshang::http {

class Server {
 public:
  explicit Server(App& app);
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
