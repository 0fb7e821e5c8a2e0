#pragma once
// Escalation (逐级上报) as data: an overdue item rises in tiers, each after its own delay in
// working days past the deadline — the responsible party as soon as it is overdue, then the head
// of their unit, then the coordinator, and for supervision items the leader. Pure: no database,
// no clock; the sweep (escalation_service) applies it on the injected clock.
#include <optional>
#include <string_view>
#include <vector>

#include "zhaoshang/clocks/working_days.hpp"

namespace zhaoshang::escalation {

enum class Tier { kResponsible = 1, kUnitHead = 2, kCoordinator = 3, kLeader = 4 };
std::string_view TierName(Tier t);  // responsible | unit_head | coordinator | leader

// The delays (working days past the deadline) of the tiers above the responsible party; the
// coordinator edits them with the clocks (clock kinds escalate_*).
struct TierPlan {
  int unit_head_days = 2, coordinator_days = 5, leader_days = 5;
};

// Who each tier tells, by role: the unit head is looked up from the item's unit upwards; the
// coordinator and the leader are the city's.
struct TierRecipients {
  Tier tier;
  std::string_view role;  // empty: the item's responsible party
  bool nearest_unit = false;
};
const std::vector<TierRecipients>& TierTable();

// The highest tier an item has reached on `today` (none while it is not overdue). The leader's
// tier applies only where `with_leader` (supervision items).
std::optional<Tier> TierReached(const clocks::WorkCalendar& cal, const std::string& deadline,
                                const std::string& today, const TierPlan& plan, bool with_leader);

}  // namespace zhaoshang::escalation
