#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/core/actor.hpp"

namespace zhaoshang::auth {

// The logged-in user of a request.
struct Principal {
  int64_t user_id = 0;
  std::string login;
  std::string name;
  int64_t unit_id = 0;
  std::string unit_name;
  std::vector<std::string> roles;
  std::string session_hash;
  std::string csrf_token;
  int64_t version = 0;
  bool must_change_password = false;  // only the own-password routes answer until it is changed
};

inline bool HasRole(const Principal& p, std::string_view role) {
  for (const auto& r : p.roles)
    if (r == role) return true;
  return false;
}

inline Actor ActorOf(const Principal& p, const std::string& source, const std::string& request_id) {
  return Actor{p.user_id, p.login, p.unit_name, source, request_id};
}

}  // namespace zhaoshang::auth
