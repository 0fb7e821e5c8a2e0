#include "support/mock_robot.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include "zhaoshang/core/random.hpp"

namespace zhaoshang::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

MockRobot::MockRobot(std::string ding_secret) : secret_(std::move(ding_secret)), acceptor_(ioc_) {
  asio::ip::tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
  acceptor_.open(ep.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(ep);
  acceptor_.listen();
  port_ = acceptor_.local_endpoint().port();
  thread_ = std::thread([this] {
    while (!stopping_) {
      boost::system::error_code ec;
      asio::ip::tcp::socket s(ioc_);
      acceptor_.accept(s, ec);
      if (ec || stopping_) break;
      std::lock_guard lk(mu_);
      connections_.emplace_back([this, sock = std::move(s)]() mutable { Serve(std::move(sock)); });
    }
  });
}

MockRobot::~MockRobot() {
  stopping_ = true;
  boost::system::error_code ec;
  // Wake the accept with a connection of our own, then close.
  asio::ip::tcp::socket poke(ioc_);
  poke.connect({asio::ip::make_address("127.0.0.1"), port_}, ec);
  thread_.join();
  acceptor_.close(ec);
  std::vector<std::thread> conns;
  {
    std::lock_guard lk(mu_);
    conns.swap(connections_);
  }
  for (auto& t : conns) t.join();
}

std::string MockRobot::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<MockRobot::Hit> MockRobot::Hits(const std::string& path) const {
  std::lock_guard lk(mu_);
  std::vector<Hit> out;
  for (const auto& h : hits_)
    if (h.path == path) out.push_back(h);
  return out;
}

void MockRobot::Serve(asio::ip::tcp::socket s) {
  boost::system::error_code ec;
  beast::flat_buffer buf;
  http::request<http::string_body> req;
  http::read(s, buf, req, ec);
  if (ec) return;
  const std::string target(req.target());  // the parsed view points into it
  auto u = boost::urls::parse_origin_form(target);
  Hit hit;
  if (u) {
    hit.path = std::string(u->path());
    hit.query = std::string(u->query());
  }
  hit.body = req.body();
  int status = 200;
  std::string answer = R"({"errcode":0,"errmsg":"ok"})";
  if (hit.path == "/fail") {
    status = 500;
    answer = "boom";
  } else if (hit.path == "/flaky") {
    std::lock_guard lk(mu_);
    if (flaky_seen_++ == 0) {
      status = 500;
      answer = "once";
    }
  } else if (hit.path == "/ding" && u) {
    std::string ts, sign;
    for (auto p : u->params()) {
      if (p.key == "timestamp") ts = p.value;
      if (p.key == "sign") sign = p.value;
    }
    hit.signature_ok = !ts.empty() && sign == Base64(HmacSha256(secret_, ts + "\n" + secret_));
    if (!hit.signature_ok) answer = R"({"errcode":310000,"errmsg":"sign not match"})";
  }
  {
    std::lock_guard lk(mu_);
    hits_.push_back(hit);
  }
  if (hit.path == "/hang") {
    // Hold the connection open without answering until the sender gives up and closes it.
    char byte = 0;
    s.read_some(asio::buffer(&byte, 1), ec);
    return;
  }
  http::response<http::string_body> res{static_cast<http::status>(status), req.version()};
  res.set(http::field::content_type, "application/json");
  res.body() = answer;
  res.prepare_payload();
  http::write(s, res, ec);
  s.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
}

}  // namespace zhaoshang::testing
