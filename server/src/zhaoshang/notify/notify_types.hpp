#pragma once
// Types of the notify module: an inbox entry, a user's preference, a group robot and a delivery.
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
  std::string detail;  // JSON figures the web words (the digest's counts, a tier); may be empty
};

// A kind the user turned on or off (off: no inbox entry of that kind).
struct Preference {
  std::string kind;
  bool enabled = true;
};

// A unit's group robot (企业微信 or 钉钉). The secret never leaves the server.
struct Robot {
  int64_t id = 0, unit_id = 0;
  std::string unit_name, kind, name, url, secret;
  bool enabled = true;
  int64_t created_at = 0, version = 1;
};

struct Delivery {
  int64_t id = 0, robot_id = 0;
  std::string robot_name, unit_name;
  std::string kind, object_type;
  int64_t object_id = 0;
  std::string title, body, status;  // pending | delivered | failed
  int attempts = 0;
  int64_t next_at = 0;
  std::string last_error;
  int64_t created_at = 0;
  std::optional<int64_t> delivered_at;
  std::string link;  // the web path the message links to ("" none), set when queued
};

struct DeliveryQuery {
  std::optional<int64_t> robot_id;
  std::string status;
  int64_t offset = 0, limit = 20;
};

}  // namespace zhaoshang::notify
