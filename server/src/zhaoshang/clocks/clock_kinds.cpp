#include "zhaoshang/clocks/clock_kinds.hpp"

namespace zhaoshang::clocks {

const std::vector<ClockKind>& ClockKinds() {
  static const std::vector<ClockKind> k = {
      {kLeadResponse, 1, 1, 10},        {kLeadJudgementLarge, 7, 1, 60},
      {kReviewRound, 5, 1, 30},         {kFactorAnswer, 2, 1, 30},
      {kFactorResolve, 20, 1, 250},     {kSupervisionReply, 3, 1, 30},
      {kProgressReport, 10, 5, 60},     {kEscalateUnitHead, 2, 1, 30},
      {kEscalateCoordinator, 5, 1, 60}, {kEscalateLeader, 5, 1, 60},
  };
  return k;
}

const ClockKind* FindClockKind(std::string_view code) {
  for (const auto& k : ClockKinds())
    if (k.code == code) return &k;
  return nullptr;
}

}  // namespace zhaoshang::clocks
