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

template <typename Stream>
PostOutcome Exchange(Stream& stream, http::request<http::string_body>& req) {
  PostOutcome out;
  http::write(stream, req);
  beast::flat_buffer buf;
  http::response_parser<http::string_body> parser;
  parser.body_limit(1 << 20);
  http::read(stream, buf, parser);
  out.status = static_cast<int>(parser.get().result_int());
  out.body = parser.get().body().substr(0, kMaxAnswer);
  return out;
}
}  // namespace

PostOutcome PostJson(const std::string& url, const std::string& body,
                     std::chrono::milliseconds timeout) {
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u) return {0, "", "invalid url"};
  const bool tls = u->scheme() == "https";
  const std::string host(u->host());
  const std::string port = u->has_port() ? std::string(u->port()) : (tls ? "443" : "80");
  std::string target(u->encoded_path());
  if (target.empty()) target = "/";
  if (u->has_query()) target += "?" + std::string(u->encoded_query());

  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::host, host);
  req.set(http::field::user_agent, "zhaoshang");
  req.set(http::field::content_type, "application/json; charset=utf-8");
  req.body() = body;
  req.prepare_payload();

  try {
    asio::io_context ioc;
    asio::ip::tcp::resolver resolver(ioc);
    auto endpoints = resolver.resolve(host, port);
    if (!tls) {
      beast::tcp_stream stream(ioc);
      stream.expires_after(timeout);
      stream.connect(endpoints);
      auto out = Exchange(stream, req);
      beast::error_code ec;
      stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
      return out;
    }
    asio::ssl::context ctx(asio::ssl::context::tls_client);
    ctx.set_default_verify_paths();
    ctx.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), host.c_str()))
      return {0, "", "tls: server name"};
    stream.set_verify_callback(asio::ssl::host_name_verification(host));
    beast::get_lowest_layer(stream).expires_after(timeout);
    beast::get_lowest_layer(stream).connect(endpoints);
    stream.handshake(asio::ssl::stream_base::client);
    auto out = Exchange(stream, req);
    beast::error_code ec;
    stream.shutdown(ec);  // robots often close without a TLS close_notify: not an error here
    return out;
  } catch (const std::exception& e) {
    return {0, "", e.what()};
  }
}

}  // namespace zhaoshang::notify
