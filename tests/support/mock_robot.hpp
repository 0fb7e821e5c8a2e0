#pragma once
// A group-robot endpoint for tests (WeCom / DingTalk style), on 127.0.0.1 and a free port,
// started and stopped by the test. Paths decide the answer:
//   /ok     200 {"errcode":0}
//   /fail   500 always
//   /flaky  500 the first time, then 200 {"errcode":0}
//   /ding   DingTalk: 200 {"errcode":0} when ?timestamp=&sign= match the secret given to the
//           constructor, else 200 {"errcode":310000,"errmsg":"sign not match"}
//   /hang   reads the request and never answers (the sender's timeout)
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>

namespace zhaoshang::testing {

class MockRobot {
 public:
  struct Hit {
    std::string path, query, body;
    bool signature_ok = false;
  };
  explicit MockRobot(std::string ding_secret = "");
  ~MockRobot();
  std::string Url(const std::string& path) const;
  std::vector<Hit> Hits(const std::string& path) const;

 private:
  void Serve(boost::asio::ip::tcp::socket s);

  std::string secret_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::thread thread_;
  std::vector<std::thread> connections_;
  mutable std::mutex mu_;
  std::vector<Hit> hits_;
  std::atomic<bool> stopping_{false};
  int flaky_seen_ = 0;
};

}  // namespace zhaoshang::testing
