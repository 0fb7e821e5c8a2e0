#pragma once
// One HTTP(S) POST of a JSON body, synchronous with an overall timeout (the delivery job calls it
// off every request path). TLS verifies the peer against the system's trust store.
#include <chrono>
#include <string>

namespace zhaoshang::notify {

struct PostOutcome {
  int status = 0;     // 0: no answer (connection refused, timeout, TLS failure …)
  std::string body;   // the answer, cut at 4 KiB
  std::string error;  // why there was no answer
};

PostOutcome PostJson(const std::string& url, const std::string& body,
                     std::chrono::milliseconds timeout);

}  // namespace zhaoshang::notify
