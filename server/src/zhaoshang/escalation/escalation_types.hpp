#pragma once
// Types of the escalation module: an overdue item as the sweep sees it, and one escalation step.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::escalation {

// object_type: project (its stage deadline) | routing (the park's answer) | factor_request |
// supervision_item.
struct OverdueItem {
  std::string object_type;
  int64_t object_id = 0;
  std::optional<int64_t> project_id;
  std::string title, deadline;
  int64_t unit_id = 0;  // the unit that must act
  // Told at the first tier: these users, or (when empty) the unit's holders of `permission`.
  std::vector<int64_t> responsible;
  std::string permission;
  bool with_leader = false;    // supervision items rise to the leader too
  bool unjudged_lead = false;  // a project still at the lead stage: on to the next review round
};

struct Step {
  std::string object_type;
  int64_t object_id = 0;
  std::string deadline;
  int tier = 0;
  std::optional<int64_t> unit_id, project_id;
  std::string title;
  int64_t at = 0;
  std::string unit_name;  // read back only
};

struct StepQuery {
  int min_tier = 1;
  std::optional<std::vector<int64_t>> units;  // none: all
  int64_t offset = 0, limit = 20;
};

struct SweepReport {
  int items = 0;   // overdue items looked at
  int steps = 0;   // escalation steps taken
  int agenda = 0;  // unjudged leads put on a pre-review round
  int64_t ms = 0;
};

}  // namespace zhaoshang::escalation
