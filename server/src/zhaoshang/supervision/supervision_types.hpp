#pragma once
// Types of the supervision module (督办): an item and its events.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::supervision {

struct SupervisionCapabilities {
  bool reply = false, close = false, reopen = false;
};

struct Item {
  int64_t id = 0;
  std::string subject_type;  // project | factor_request | unit
  int64_t subject_id = 0;
  std::string subject_name, project_name;  // by name: the project, "project · type", the unit
  std::string factor_type;                 // a factor request's type code ("" otherwise)
  std::optional<int64_t> project_id;
  int64_t unit_id = 0;
  std::string unit_name;
  std::string title, instruction, leader_instruction;
  std::string priority;  // normal | urgent | critical
  std::string deadline;  // the unit's reply is due
  std::string status;    // open | replied | closed
  int64_t issued_by = 0;
  std::string issued_by_name;
  int64_t issued_at = 0;
  std::optional<int64_t> closed_at;
  int64_t version = 1;
  SupervisionCapabilities capabilities;
};

struct Event {
  int64_t id = 0, item_id = 0, at = 0, user_id = 0;
  std::string user_name, kind, note;  // kind: issued | replied | closed | reopened
};

struct ItemQuery {
  std::vector<std::string> statuses;
  std::optional<int64_t> unit_id, project_id;
  std::optional<std::string> overdue_on;  // open past the deadline on this date
  int64_t offset = 0, limit = 20;
};

// Who sees which items: all, or those addressed to (or issued from) these units.
struct ItemScope {
  bool all = false;
  std::vector<int64_t> units;
  int64_t user_id = 0;  // the issuer always sees their own
};

// An item still open past its reply deadline, for the escalation sweep.
struct OverdueItem {
  int64_t id = 0;
  std::optional<int64_t> project_id;
  std::string title, deadline;
  int64_t unit_id = 0, issued_by = 0;
};

}  // namespace zhaoshang::supervision
