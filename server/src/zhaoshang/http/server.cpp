#include "zhaoshang/http/server.hpp"

#include <atomic>
#include <chrono>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/core/error.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/http/static_files.hpp"

namespace zhaoshang::http {

int64_t BodyLimitFor(const ServerOptions& o, std::string_view method, std::string_view target) {
  const std::string_view path = target.substr(0, target.find('?'));
  if (path.find("/import/") != std::string_view::npos) return o.upload_limit;
  constexpr std::string_view kAttachments = "/attachments";
  if (method == "POST" && path.size() > kAttachments.size() &&
      path.substr(path.size() - kAttachments.size()) == kAttachments)
    return o.attachment_limit;
  return o.body_limit;
}

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;

namespace {
// Request ids: a random per-thread prefix plus a counter (no syscall per request).
std::string NextRequestId() {
  thread_local const std::string prefix = RandomHex(4);
  thread_local uint64_t counter = 0;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(++counter));
  return prefix + buf;
}

std::pair<std::string, uint16_t> SplitHostPort(const std::string& listen) {
  auto colon = listen.rfind(':');
  auto port = [&](const std::string& p) {
    if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(p) > 65535)
      throw std::runtime_error("listen: not a port number: " + p);
    return static_cast<uint16_t>(std::stoi(p));
  };
  if (colon == std::string::npos) return {"127.0.0.1", port(listen)};
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  return {host, port(listen.substr(colon + 1))};
}
}  // namespace

struct Server::Impl {
  const ServerOptions cfg;
  const Site site;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  // The site's checkpoint (the audit head), every checkpoint_interval_s and at shutdown.
  asio::steady_timer checkpoint_timer;
  std::atomic<bool> checkpointing{false};
  StaticFiles statics;
  std::atomic<bool> stopping{false};
  std::atomic<int> queued{0};
  std::vector<std::thread> threads;

  // Live connections, so shutdown can close the idle ones.
  struct Conn {
    beast::tcp_stream* stream;
    bool busy = false;
  };
  std::mutex conns_mu;
  std::list<Conn> conns;

  Impl(ServerOptions o, Site s)
      : cfg(std::move(o)),
        site(std::move(s)),
        ioc(cfg.io_threads),
        workers(static_cast<size_t>(std::max(1, cfg.workers))),
        acceptor(ioc),
        signals(ioc),
        checkpoint_timer(ioc) {}

  // On a worker (database work stays off the I/O thread); skipped while one is still running.
  void WriteCheckpoint() {
    if (!site.checkpoint || checkpointing.exchange(true)) return;
    try {
      site.checkpoint();
    } catch (const std::exception& e) {
      spdlog::error("checkpoint failed: {}", e.what());
    }
    checkpointing = false;
  }

  void ArmCheckpoint(std::chrono::seconds after) {
    checkpoint_timer.expires_after(after);
    checkpoint_timer.async_wait([this](const boost::system::error_code& ec) {
      if (ec || stopping) return;
      asio::post(workers, [this] { WriteCheckpoint(); });
      if (cfg.checkpoint_interval_s > 0)
        ArmCheckpoint(std::chrono::seconds(cfg.checkpoint_interval_s));
    });
  }

  Response Simple(int status, const std::string& code, const std::string& message) {
    ErrorCode k = status == 413   ? ErrorCode::kPayloadTooLarge
                  : status == 404 ? ErrorCode::kNotFound
                  : status == 405 ? ErrorCode::kMethodNotAllowed
                  : status == 503 ? ErrorCode::kUnavailable
                                  : ErrorCode::kInvalidArgument;
    Error e{k, code, message};
    if (status == 503) e.retry_after_ms = 1000;
    Response r = ErrorResponse(e);
    if (status == 414 || status == 431) r.status = status;  // no ErrorCode of their own
    if (status == 405) r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }

  awaitable<Response> Dispatch(Request& req) {
    const bool probe = req.path == "/healthz" || req.path == "/readyz";
    if (probe && req.method != "GET" && req.method != "HEAD")
      co_return Simple(405, "method_not_allowed", "method not allowed");
    if (req.path == "/healthz") co_return JsonResponse(200, boost::json::object{{"status", "ok"}});
    const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
    if (api || req.path == "/readyz") {
      if (queued.load() >= cfg.max_queue)
        co_return Simple(503, "unavailable", "server busy; try again shortly");
      ++queued;
      // Database work runs on the bounded worker pool, never on this I/O thread.
      Response r = co_await asio::co_spawn(
          workers,
          [&]() -> awaitable<Response> {
            if (req.path == "/readyz")
              co_return site.ready() ? JsonResponse(200, boost::json::object{{"status", "ready"}})
                                     : Simple(503, "unavailable", "database not reachable");
            co_return site.api(req);
          },
          use_awaitable);
      --queued;
      co_return r;
    }
    if (req.method == "GET" || req.method == "HEAD") {
      if (auto r = statics.Serve(req)) co_return std::move(*r);
      co_return Simple(404, "not_found", statics.loaded() ? "no such file" : "web app not built");
    }
    co_return Simple(405, "method_not_allowed", "method not allowed");
  }

  static bhttp::response<bhttp::string_body> ToBeast(Response&& r, unsigned version,
                                                     bool keep_alive, bool head) {
    bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
    res.set(bhttp::field::server, "zhaoshang");
    if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res.insert(k, v);
    res.keep_alive(keep_alive);
    if (head) {
      res.content_length(r.body.size());
    } else {
      res.body() = std::move(r.body);
      res.prepare_payload();
    }
    return res;
  }

  awaitable<void> Session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    std::list<Conn>::iterator me;
    {
      std::lock_guard lock(conns_mu);
      me = conns.insert(conns.end(), Conn{&stream, false});
    }
    std::string remote;
    {
      boost::system::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    beast::flat_buffer buffer;
    bool first = true;
    bool lingering = false;
    bool close_after = false;
    for (;;) {
      if (stopping) break;
      bhttp::request_parser<bhttp::string_body> parser;
      // The header is read under the larger limit; the path then picks the real one.
      parser.body_limit(static_cast<uint64_t>(
          std::max({cfg.body_limit, cfg.upload_limit, cfg.attachment_limit})));
      parser.header_limit(16 * 1024);
      // The first request must arrive within the header timeout; later ones within the idle one.
      stream.expires_after(std::chrono::seconds(first ? cfg.header_timeout_s : cfg.idle_timeout_s));
      first = false;
      auto [ec, hn] =
          co_await bhttp::async_read_header(stream, buffer, parser, asio::as_tuple(use_awaitable));
      // Beast reports a declared Content-Length over the limit while reading the header.
      bool too_large = ec == bhttp::error::body_limit;
      // A request we cannot read gets a status before the connection closes: 414 when even
      // the request line did not fit the header limit, 431 when the fields did not, 400 when
      // Beast cannot parse it (a NUL or a bare CR in a field, a bad method or version).
      std::optional<Response> refuse;
      if (ec == bhttp::error::header_limit) {
        const std::string_view seen(static_cast<const char*>(buffer.data().data()), buffer.size());
        refuse = seen.find("\r\n") == std::string_view::npos
                     ? Simple(414, "uri_too_long", "request line is too long")
                     : Simple(431, "headers_too_large", "request header fields are too large");
      } else if (ec && !too_large &&
                 ec.category() == bhttp::make_error_code(bhttp::error::bad_field).category() &&
                 ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
        refuse = Simple(400, "bad_request", "malformed HTTP request");
      }
      if (refuse) {
        refuse->headers.emplace_back("X-Request-Id", NextRequestId());
        AddSecurityHeaders(*refuse, cfg.https);
        auto res = ToBeast(std::move(*refuse), 11, false, false);
        stream.expires_after(std::chrono::seconds(cfg.body_timeout_s));
        co_await bhttp::async_write(stream, res, asio::as_tuple(use_awaitable));
        lingering = true;
        break;
      }
      if (ec && !too_large) break;  // closed, timed out, or cancelled at shutdown
      {
        std::lock_guard lock(conns_mu);
        me->busy = true;
      }
      auto started = std::chrono::steady_clock::now();
      Request req;
      req.request_id = NextRequestId();
      req.remote = remote;
      Response resp;
      close_after = false;
      const std::string_view target(parser.get().target());
      const uint64_t limit =
          static_cast<uint64_t>(BodyLimitFor(cfg, parser.get().method_string(), target));
      if (!too_large && parser.content_length() && *parser.content_length() > limit)
        too_large = true;
      parser.body_limit(limit);
      if (too_large) {
        resp = Simple(413, "payload_too_large", "request body is larger than the limit");
        close_after = true;
      } else {
        stream.expires_after(std::chrono::seconds(cfg.body_timeout_s));
        auto [ec2, bn] =
            co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(use_awaitable));
        if (ec2 == bhttp::error::body_limit) {
          resp = Simple(413, "payload_too_large", "request body is larger than the limit");
          close_after = true;
        } else if (ec2) {
          resp = Simple(400, "bad_request", "malformed HTTP request");
          close_after = true;
        }
      }
      auto& msg = parser.get();
      req.method = std::string(msg.method_string());
      req.target = std::string(msg.target());
      const unsigned version = msg.version();
      bool keep_alive = msg.keep_alive() && !close_after;
      if (resp.body.empty() && resp.status == 200) {
        for (const auto& f : msg) {
          std::string name(f.name_string());
          for (auto& ch : name)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
          req.headers[name] = std::string(f.value());
        }
        req.body = std::move(msg.body());
        req.remote = ClientAddress(remote, req.Header("x-forwarded-for"), cfg.trusted_proxies);
        if (!ParseTarget(req)) {
          resp = Simple(400, "bad_request", "malformed request target");
        } else {
          resp = co_await Dispatch(req);
        }
      }
      resp.headers.emplace_back("X-Request-Id", req.request_id);
      AddSecurityHeaders(resp, cfg.https);
      const int status = resp.status;
      const size_t bytes = resp.body.size();
      if (stopping) keep_alive = false;
      auto res = ToBeast(std::move(resp), version, keep_alive, req.method == "HEAD");
      stream.expires_after(std::chrono::seconds(cfg.body_timeout_s));
      auto [wec, n] = co_await bhttp::async_write(stream, res, asio::as_tuple(use_awaitable));
      if (cfg.access_log) {
        auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        // Path only: query strings and bodies may carry personal data.
        spdlog::info("access {} {} {} {} {} {}B {:.1f}ms", req.request_id, remote, req.method,
                     req.path.empty() ? req.target.substr(0, req.target.find('?')) : req.path,
                     status, bytes, ms);
      }
      {
        std::lock_guard lock(conns_mu);
        me->busy = false;
      }
      if (wec || !keep_alive) {
        lingering = close_after && !wec;
        break;
      }
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (lingering) {
      // The client may still be sending the body we refused; closing with unread data would
      // reset the connection before it reads our 413. Drain a bounded amount first.
      stream.expires_after(std::chrono::seconds(2));
      std::array<char, 16384> scratch;
      size_t drained = 0;
      while (drained < (8u << 20)) {
        auto [rec, n] =
            co_await stream.async_read_some(asio::buffer(scratch), asio::as_tuple(use_awaitable));
        if (rec) break;
        drained += n;
      }
    }
    stream.close();
    std::lock_guard lock(conns_mu);
    conns.erase(me);
  }

  awaitable<void> Accept() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::as_tuple(use_awaitable));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      asio::co_spawn(asio::make_strand(ioc), Session(std::move(socket)), asio::detached);
    }
  }

  void BeginStop() {
    if (stopping.exchange(true)) return;
    spdlog::info("shutting down: finishing in-flight requests");
    boost::system::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    checkpoint_timer.cancel();
    // Idle keep-alive connections close now; busy ones finish their request first. The
    // cancel runs on the connection's own strand and re-checks that it is still alive.
    std::lock_guard lock(conns_mu);
    for (auto& c : conns) {
      beast::tcp_stream* s = c.stream;
      asio::post(s->get_executor(), [this, s] {
        std::lock_guard lock2(conns_mu);
        for (auto& live : conns)
          if (live.stream == s && !live.busy) s->cancel();
      });
    }
  }
};

Server::Server(ServerOptions options, Site site)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(site))) {
  const std::string& dir = impl_->cfg.static_dir;
  size_t n = dir.empty() ? 0 : impl_->statics.Load(dir);
  if (n == 0)
    spdlog::warn("no web app in {} (build it with scripts/build); API only", dir);
  else
    spdlog::info("serving {} static files from {}", n, dir);
}

Server::~Server() {
  Stop();
  impl_->workers.join();
}

uint16_t Server::Listen() {
  auto [host, port] = SplitHostPort(impl_->cfg.listen);
  tcp::endpoint ep(asio::ip::make_address(host), port);
  auto& a = impl_->acceptor;
  a.open(ep.protocol());
  a.set_option(asio::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(impl_->ioc, impl_->Accept(), asio::detached);
  impl_->signals.add(SIGINT);
  impl_->signals.add(SIGTERM);
  impl_->signals.async_wait([this](const boost::system::error_code& ec, int) {
    if (!ec) impl_->BeginStop();
  });
  // The first checkpoint at once: it also reports a log tampered with while the server was down.
  if (impl_->site.checkpoint) impl_->ArmCheckpoint(std::chrono::seconds(0));
  return a.local_endpoint().port();
}

void Server::Run() {
  auto& threads = impl_->threads;
  for (int i = 1; i < impl_->cfg.io_threads; ++i)
    threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  threads.clear();
  impl_->workers.join();
  impl_->WriteCheckpoint();  // the final head, after the last request
}

void Server::Start() {
  for (int i = 0; i < std::max(1, impl_->cfg.io_threads); ++i)
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
}

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginStop(); });
  for (auto& t : impl_->threads)
    if (t.joinable()) t.join();
  impl_->threads.clear();
}

int Server::pending() const { return impl_->queued.load(); }

void Server::PostToWorkers(std::function<void()> fn) { asio::post(impl_->workers, std::move(fn)); }

}  // namespace zhaoshang::http
