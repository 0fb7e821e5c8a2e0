#include "zhaoshang/escalation/escalation_rules.hpp"

namespace zhaoshang::escalation {

std::string_view TierName(Tier t) {
  switch (t) {
    case Tier::kResponsible:
      return "responsible";
    case Tier::kUnitHead:
      return "unit_head";
    case Tier::kCoordinator:
      return "coordinator";
    case Tier::kLeader:
      return "leader";
  }
  return "responsible";
}

const std::vector<TierRecipients>& TierTable() {
  static const std::vector<TierRecipients> k = {
      {Tier::kResponsible, "", false},
      {Tier::kUnitHead, "unit_head", true},
      {Tier::kCoordinator, "coordinator", false},
      {Tier::kLeader, "leader", false},
  };
  return k;
}

std::optional<Tier> TierReached(const clocks::WorkCalendar& cal, const std::string& deadline,
                                const std::string& today, const TierPlan& plan, bool with_leader) {
  if (!(deadline < today)) return std::nullopt;
  // Working days past the deadline; a deadline on Friday is overdue on Saturday (0 days past).
  const int over = cal.WorkingDaysBetween(deadline, today);
  Tier t = Tier::kResponsible;
  if (over >= plan.unit_head_days) t = Tier::kUnitHead;
  if (over >= plan.coordinator_days) t = Tier::kCoordinator;
  if (with_leader && over >= plan.leader_days) t = Tier::kLeader;
  return t;
}

}  // namespace zhaoshang::escalation
