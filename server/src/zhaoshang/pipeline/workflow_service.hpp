#pragma once
// Moves between stages (the workflow table in workflow.hpp), with the hand-over of
// responsibility and the stage deadlines; and the pipeline settings (days per stage, days a
// park has to answer a routing). No SQL text, no HTTP.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/org/org_types.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::pipeline {

class WorkflowService {
 public:
  WorkflowService(db::Database& db, const Clock& clock, clocks::ClockService& clocks);

  Result<ProjectView> Transition(const auth::Principal& who, int64_t id, const TransitionInput& in,
                                 const Actor& actor);
  // A transition inside the caller's transaction (the pre-review panel's decisions), checked
  // like any other; the project's current version is used.
  Status TransitionWithin(db::Connection& c, const auth::Principal& who, int64_t id,
                          TransitionInput in, const Actor& actor);
  // A checked transition of `current` inside the caller's transaction; `relation` is who the
  // caller is to the project (a park accepting a routing passes its own).
  Status TransitionIn(db::Connection& c, const auth::Principal& who, const Project& current,
                      const TransitionInput& in, const Actor& actor, const Relation& relation);

  // Whom a hand-over to `unit_id` (a park or district) may name as the responsible person
  // (MayReceive, the rule the transition checks), among the accounts the caller may read
  // (user.read), by id. 400 `unit_id` not_found / invalid_value.
  Result<std::vector<org::User>> Receivers(const auth::Principal& who, int64_t unit_id);

  std::map<std::string, int> DeadlineDays();
  // Days a park has to answer a routing.
  int RoutingDays();
  // The attachment kinds entering each evidence stage requires (none: stage absent).
  std::map<std::string, std::vector<std::string>> EvidenceKinds();
  // One audited write of the pipeline settings; `evidence` (when given) replaces the
  // requirement of each stage it names (kEvidenceStages only, known kinds, at most
  // kMaxEvidenceKinds, no repeats).
  Status SaveSettings(const std::map<std::string, int>& days, std::optional<int> routing_days,
                      const std::map<std::string, std::vector<std::string>>* evidence,
                      const Actor& actor);

 private:
  // The steps of TransitionIn.
  Result<Project> ApplyFields(db::Connection& c, const Project& before, const TransitionInput& in);
  Status HandOver(db::Connection& c, const Rule& rule, const TransitionInput& in, Project& after);
  void SideEffects(db::Connection& c, const auth::Principal& who, const Project& before,
                   const Project& after, const TransitionInput& in, const Actor& actor,
                   const Relation& relation, int64_t now);

  db::Database& db_;
  const Clock& clock_;
  clocks::ClockService& clocks_;
};

}  // namespace zhaoshang::pipeline
