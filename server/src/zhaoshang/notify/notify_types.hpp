#pragma once
// Types of the notify module: an inbox entry.
#include <cstdint>
#include <optional>
#include <string>

namespace zhaoshang::notify {

struct Notification {
  int64_t id = 0, user_id = 0;
  std::string kind;         // see notify_kinds.hpp
  std::string object_type;  // factor_request, routing, project …: where it is done
  int64_t object_id = 0;
  std::optional<int64_t> project_id;
  std::string title;  // the object's name as it was (the project's name)
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
};

}  // namespace zhaoshang::notify
