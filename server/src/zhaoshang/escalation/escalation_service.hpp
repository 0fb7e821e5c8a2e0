#pragma once
// The clock sweep (逐级督促): every overdue item of every module — a project past its stage
// deadline, a routing the park has not answered, a factor request past its clock, a supervision
// item past its reply deadline — rises through the tiers of escalation_rules on its own; each
// step once (the escalations key), in the item's timeline, the audit log and the inbox of the
// tier's people. A lead left unjudged past its clock is put on the next open pre-review round's
// agenda, and its promoter is told. Run by the scheduler (jobs/); tests call Sweep on an
// injected clock.
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/escalation/escalation_rules.hpp"
#include "zhaoshang/escalation/escalation_types.hpp"

namespace zhaoshang::pipeline {
class WorkflowService;
}

namespace zhaoshang::escalation {

class EscalationService {
 public:
  EscalationService(db::Database& db, const Clock& clock, clocks::ClockService& clocks,
                    pipeline::WorkflowService& workflow)
      : db_(db), clock_(clock), clocks_(clocks), workflow_(workflow) {}

  SweepReport Sweep(int64_t now);
  // Escalation steps that reached the caller: the coordinator and the leader see every step from
  // the coordinator's tier up, a unit head the steps of their unit's subtree.
  Result<std::vector<Step>> List(const auth::Principal& who, int64_t offset, int64_t limit,
                                 int64_t* total);

 private:
  std::vector<OverdueItem> Gather(db::Connection& c, const std::string& today);
  int PutLeadsOnAgenda(const std::vector<int64_t>& leads, int64_t now);

  db::Database& db_;
  const Clock& clock_;
  clocks::ClockService& clocks_;
  pipeline::WorkflowService& workflow_;
};

}  // namespace zhaoshang::escalation
