#pragma once
// Step deadlines count working days on the clocks' calendar (issue 10): the days of the stage a
// project enters (pipeline settings), the lead_judgement_large clock for a lead of
// clocks::kLargeLeadYuan and more, the routing days for a park's answer.
#include <map>
#include <optional>
#include <string>

#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::pipeline {

// The rule, pure: stage_days from the pipeline settings, large_lead_days the
// lead_judgement_large clock.
std::optional<std::string> StageDeadlineOf(const clocks::WorkCalendar& cal,
                                           const std::map<std::string, int>& stage_days,
                                           int large_lead_days, const Project& p,
                                           const std::string& today);
// The follow-up a project owes (issue 10.2), pure: a lead nobody has acted on yet owes its first
// activity within `lead_days` working days of the day it was reported (clocks::kLeadResponse); a
// project in negotiation or construction owes a progress report every `report_days` working
// days from its last activity, or from entering the stage (clocks::kProgressReport). None for
// other stages, or for a lead with an activity.
struct FollowUp {
  std::string_view clock;  // kLeadResponse | kProgressReport
  std::string deadline;
};
std::optional<FollowUp> FollowUpOf(const clocks::WorkCalendar& cal, Stage stage,
                                   const std::string& reported_on, const std::string& stage_since,
                                   const std::optional<std::string>& last_activity, int lead_days,
                                   int report_days);

// The deadline of the project's current stage set on `today`; none for stages without one.
std::optional<std::string> StageDeadline(db::Connection& c, clocks::ClockService& clocks,
                                         const Project& p, const std::string& today);
// The stage's deadline for a project that returns to it (a routing declined or withdrawn).
std::string DeadlineOfStage(db::Connection& c, clocks::ClockService& clocks, Stage stage,
                            const std::string& today);
std::string RoutingDeadline(db::Connection& c, clocks::ClockService& clocks,
                            const std::string& today);

}  // namespace zhaoshang::pipeline
