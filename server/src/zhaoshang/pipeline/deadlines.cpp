#include "zhaoshang/pipeline/deadlines.hpp"

#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::pipeline {

std::optional<std::string> StageDeadlineOf(const clocks::WorkCalendar& cal,
                                           const std::map<std::string, int>& stage_days,
                                           int large_lead_days, const Project& p,
                                           const std::string& today) {
  if (p.stage == StageName(Stage::kLead) && p.total_investment >= clocks::kLargeLeadYuan)
    return cal.AddWorkingDays(today, large_lead_days);
  auto it = stage_days.find(p.stage);
  if (it == stage_days.end()) return std::nullopt;
  return cal.AddWorkingDays(today, it->second);
}

std::optional<FollowUp> FollowUpOf(const clocks::WorkCalendar& cal, Stage stage,
                                   const std::string& reported_on, const std::string& stage_since,
                                   const std::optional<std::string>& last_activity, int lead_days,
                                   int report_days) {
  if (stage == Stage::kLead) {
    if (last_activity) return std::nullopt;
    return FollowUp{clocks::kLeadResponse, cal.AddWorkingDays(reported_on, lead_days)};
  }
  if (stage != Stage::kNegotiating && stage != Stage::kConstruction) return std::nullopt;
  const std::string& from =
      last_activity && *last_activity > stage_since ? *last_activity : stage_since;
  return FollowUp{clocks::kProgressReport, cal.AddWorkingDays(from, report_days)};
}

std::optional<std::string> StageDeadline(db::Connection& c, clocks::ClockService& clocks,
                                         const Project& p, const std::string& today) {
  return StageDeadlineOf(*clocks.Calendar(c), store::DeadlineDays(c),
                         clocks::ClockService::DaysFor(c, clocks::kLeadJudgementLarge), p, today);
}

std::string DeadlineOfStage(db::Connection& c, clocks::ClockService& clocks, Stage stage,
                            const std::string& today) {
  return clocks.Calendar(c)->AddWorkingDays(today,
                                            store::DeadlineDays(c)[std::string(StageName(stage))]);
}

std::string RoutingDeadline(db::Connection& c, clocks::ClockService& clocks,
                            const std::string& today) {
  return clocks.Calendar(c)->AddWorkingDays(today, store::RoutingDays(c));
}

}  // namespace zhaoshang::pipeline
