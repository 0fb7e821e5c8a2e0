#pragma once
// Factor-guarantee requests (要素保障): raised on a project by whoever may edit it, answered by
// the collaborator department that handles the type (accept, pass on, progress, resolve or
// declare it cannot — which puts it in the coordinator's hands), each step timed by the
// clocks (factor_answer, factor_resolve) and audited.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/factors/factor_rules.hpp"
#include "zhaoshang/factors/factors_types.hpp"

namespace zhaoshang::pipeline {
class ProjectService;
}

namespace zhaoshang::factors {

struct RaiseInput {
  std::string type, need;
  std::optional<int64_t> quantity;
  std::optional<int64_t> department_id;  // none: the department mapped to the type
};

struct ActInput {
  int64_t version = 0;
  std::optional<int64_t> department_id;    // pass on: to whom
  std::string note;                        // pass on, progress, withdraw: why / what happened
  std::string outcome;                     // resolve: what was granted
  std::optional<std::string> reason_code;  // unresolvable
};

struct FactorDetail {
  FactorRequest request;
  std::vector<FactorEvent> events;
};

class FactorService {
 public:
  FactorService(db::Database& db, const Clock& clock, clocks::ClockService& clocks,
                pipeline::ProjectService& projects)
      : db_(db), clock_(clock), clocks_(clocks), projects_(projects) {}

  // Every type with the department that handles it (if mapped).
  std::vector<TypeUnit> Types();
  // unit_id none: unmapped.
  Status SetTypeUnit(const Actor& a, const std::string& type, std::optional<int64_t> unit_id);

  Result<FactorDetail> Raise(const auth::Principal& who, int64_t project_id, const RaiseInput& in,
                             const Actor& a);
  Result<FactorDetail> Get(const auth::Principal& who, int64_t id);
  Result<std::vector<FactorRequest>> List(const auth::Principal& who, const FactorQuery& q,
                                          int64_t* total);
  // The requests of a project the caller may read.
  Result<std::vector<FactorRequest>> OfProject(const auth::Principal& who, int64_t project_id);
  Result<FactorDetail> Act(const auth::Principal& who, int64_t id, FactorAction action,
                           const ActInput& in, const Actor& a);
  // By department and type, over the requests the caller sees.
  Result<std::vector<FactorStat>> Stats(const auth::Principal& who);

 private:
  Result<FactorScope> ScopeOf(db::Connection& c, const auth::Principal& who);
  Party PartyOf(const auth::Principal& who, const FactorRequest& r) const;
  void WithCapabilities(const auth::Principal& who, FactorRequest& r) const;

  db::Database& db_;
  const Clock& clock_;
  clocks::ClockService& clocks_;
  pipeline::ProjectService& projects_;
};

}  // namespace zhaoshang::factors
