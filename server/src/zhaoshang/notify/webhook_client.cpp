#include "zhaoshang/notify/webhook_client.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

namespace zhaoshang::notify {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {
constexpr size_t kMaxAnswer = 4096;

// The exchange as one coroutine: Beast applies a stream's expiry to asynchronous operations
// only, so connect, TLS, write and read all run async under the one deadline.
asio::awaitable<PostOutcome> Exchange(std::string host, std::string port, bool tls,
                                      http::request<http::string_body> req,
                                      std::chrono::milliseconds timeout) {
  auto ex = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver(ex);
  auto endpoints = co_await resolver.async_resolve(host, port, asio::use_awaitable);
  PostOutcome out;
  beast::flat_buffer buf;
  http::response_parser<http::string_body> parser;
  parser.body_limit(1 << 20);
  if (!tls) {
    beast::tcp_stream stream(ex);
    stream.expires_after(timeout);
    co_await stream.async_connect(endpoints, asio::use_awaitable);
    co_await http::async_write(stream, req, asio::use_awaitable);
    co_await http::async_read(stream, buf, parser, asio::use_awaitable);
    beast::error_code ec;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  } else {
    asio::ssl::context ctx(asio::ssl::context::tls_client);
    ctx.set_default_verify_paths();
    ctx.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ex, ctx);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), host.c_str()))
      co_return PostOutcome{0, "", "tls: server name"};
    stream.set_verify_callback(asio::ssl::host_name_verification(host));
    beast::get_lowest_layer(stream).expires_after(timeout);
    co_await beast::get_lowest_layer(stream).async_connect(endpoints, asio::use_awaitable);
    co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    co_await http::async_write(stream, req, asio::use_awaitable);
    co_await http::async_read(stream, buf, parser, asio::use_awaitable);
    // Robots often close without a TLS close_notify: not waited for.
  }
  out.status = static_cast<int>(parser.get().result_int());
  out.body = parser.get().body().substr(0, kMaxAnswer);
  co_return out;
}
}  // namespace

PostOutcome PostJson(const std::string& url, const std::string& body,
                     std::chrono::milliseconds timeout) {
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u) return {0, "", "invalid url"};
  const bool tls = u->scheme() == "https";
  std::string host(u->host());
  std::string port = u->has_port() ? std::string(u->port()) : (tls ? "443" : "80");
  std::string target(u->encoded_path());
  if (target.empty()) target = "/";
  if (u->has_query()) target += "?" + std::string(u->encoded_query());

  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::host, host);
  req.set(http::field::user_agent, "zhaoshang");
  req.set(http::field::content_type, "application/json; charset=utf-8");
  req.body() = body;
  req.prepare_payload();

  asio::io_context ioc;
  PostOutcome result{0, "", "no answer"};
  asio::co_spawn(ioc, Exchange(host, port, tls, std::move(req), timeout),
                 [&result](const std::exception_ptr& e, PostOutcome out) {
                   if (!e) {
                     result = std::move(out);
                     return;
                   }
                   try {
                     std::rethrow_exception(e);
                   } catch (const std::exception& ex) {
                     result = {0, "", ex.what()};
                   }
                 });
  // The resolver is not covered by the stream's expiry: the whole exchange gets one more bound.
  ioc.run_for(timeout + std::chrono::milliseconds(500));
  if (!ioc.stopped()) {
    ioc.stop();
    return {0, "", "timed out"};
  }
  return result;
}

}  // namespace zhaoshang::notify
