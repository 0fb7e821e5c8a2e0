#pragma once
// 分派、接收、退回: the coordinator routes a project in the pool to a park; the park accepts
// (the project moves to negotiating with that park, through the workflow service) or declines
// with a reason (the project stays in the pool and whoever routed it is responsible again).
// No SQL text, no HTTP.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/pipeline/workflow_service.hpp"

namespace zhaoshang::pipeline {

class RoutingService {
 public:
  RoutingService(db::Database& db, const Clock& clock, clocks::ClockService& clocks,
                 WorkflowService& workflow);

  Result<Routing> Route(const auth::Principal& who, int64_t project_id, int64_t park_id,
                        const std::string& note, int64_t version, std::optional<int64_t> fit_score,
                        const Actor& actor);
  Result<Routing> Accept(const auth::Principal& who, int64_t id,
                         std::optional<int64_t> responsible_user_id, const Actor& actor);
  Result<Routing> Decline(const auth::Principal& who, int64_t id, const std::string& reason_code,
                          const std::string& reason, const Actor& actor);
  Result<Routing> Withdraw(const auth::Principal& who, int64_t id, const std::string& reason,
                           const Actor& actor);
  Result<std::vector<Routing>> List(const auth::Principal& who, const RoutingQuery& q,
                                    int64_t* total);
  // By park and by reporting unit.
  Result<std::pair<std::vector<RoutingStat>, std::vector<RoutingStat>>> Stats(
      const auth::Principal& who);

 private:
  // The routing with the caller's capabilities filled in.
  Result<Routing> Load(db::Connection& c, const auth::Principal& who, int64_t id);
  // Pending routing ended (declined or withdrawn): the router's unit is responsible again.
  Status End(db::Connection& c, const auth::Principal& who, int64_t id, const std::string& status,
             const std::string& reason_code, const std::string& reason, const Actor& actor);

  db::Database& db_;
  const Clock& clock_;
  clocks::ClockService& clocks_;
  WorkflowService& workflow_;
};

}  // namespace zhaoshang::pipeline
