#pragma once
// Who did something, from where, in which request: what every audit row names. In core so
// that anything may carry it without depending on the audit log or the database.
#include <cstdint>
#include <string>

namespace zhaoshang {

struct Actor {
  int64_t user_id = 0;  // 0: nobody logged in (e.g. a failed login) or the CLI
  std::string login;
  std::string unit_name;
  std::string source;  // address, or "cli"
  std::string request_id;
};

}  // namespace zhaoshang
