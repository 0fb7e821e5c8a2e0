#pragma once
// The clocks of the platform, as data: what each one times, its default duration in working
// days and the range the coordinator may set it to (settings page). Stage deadlines and the
// park's answer to a routing are the pipeline's own settings (pipeline/workflow.hpp), counted in
// working days as well.
#include <cstdint>
#include <string_view>
#include <vector>

namespace zhaoshang::clocks {

struct ClockKind {
  std::string_view code;
  int default_days = 1;
  int min_days = 1, max_days = 60;
};

// Practice elsewhere (BRIEF.md): answer a lead within 1 working day, judge it within 3 (7 from
// 5 亿元), report progress every two weeks.
// Judging an ordinary lead is the lead stage's deadline (pipeline settings, 3); a lead of
// kLargeLeadYuan and more gets this clock instead.
inline constexpr std::string_view kLeadResponse = "lead_response";  // first activity on a lead
inline constexpr std::string_view kLeadJudgementLarge = "lead_judgement_large";
inline constexpr std::string_view kReviewRound = "review_round";      // a pre-review round closes
inline constexpr std::string_view kFactorAnswer = "factor_answer";    // a factor request accepted
inline constexpr std::string_view kFactorResolve = "factor_resolve";  // … and resolved
inline constexpr std::string_view kSupervisionReply = "supervision_reply";
inline constexpr std::string_view kProgressReport = "progress_report";  // negotiating, construction
// Escalation (escalation/): working days past a deadline before an overdue item rises to the
// head of the unit, to the coordinator, and (supervision items) to the leader.
inline constexpr std::string_view kEscalateUnitHead = "escalate_unit_head";
inline constexpr std::string_view kEscalateCoordinator = "escalate_coordinator";
inline constexpr std::string_view kEscalateLeader = "escalate_leader";

// From this total investment a lead gets the longer judgement clock.
inline constexpr int64_t kLargeLeadYuan = int64_t{5} * 100'000'000;

const std::vector<ClockKind>& ClockKinds();
const ClockKind* FindClockKind(std::string_view code);

}  // namespace zhaoshang::clocks
