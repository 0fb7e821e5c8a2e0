#pragma once
// Supervision (督办): the coordinator or a leader issues an item on a project, a factor request
// or a unit, with an instruction, the leader's written instruction (批示) if any, a priority and
// a reply deadline in working days (the supervision_reply clock); the unit replies with progress
// until the issuer closes it (or reopens it). Every step is an event, audited and notified.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/supervision/supervision_rules.hpp"
#include "zhaoshang/supervision/supervision_store.hpp"
#include "zhaoshang/supervision/supervision_types.hpp"

namespace zhaoshang::pipeline {
class ProjectService;
}
namespace zhaoshang::factors {
class FactorService;
}

namespace zhaoshang::supervision {

struct IssueInput {
  std::string subject_type;
  int64_t subject_id = 0;
  std::optional<int64_t> unit_id;  // none: the project's responsible unit, the request's department
  std::string title, instruction, leader_instruction, priority = "normal";
  std::optional<std::string> deadline;  // none: the supervision_reply clock from today
};

struct ItemDetail {
  Item item;
  std::vector<Event> events;
};

class SupervisionService {
 public:
  SupervisionService(db::Database& db, const Clock& clock, clocks::ClockService& clocks,
                     pipeline::ProjectService& projects, factors::FactorService& factors)
      : db_(db), clock_(clock), clocks_(clocks), projects_(projects), factors_(factors) {}

  Result<ItemDetail> Issue(const auth::Principal& who, const IssueInput& in, const Actor& a);
  Result<ItemDetail> Get(const auth::Principal& who, int64_t id);
  Result<std::vector<Item>> List(const auth::Principal& who, const ItemQuery& q, int64_t* total);
  // The items in the caller's scope counted per unit (the list of open items by unit).
  Result<std::vector<store::UnitCount>> ByUnit(const auth::Principal& who);
  // `deadline`: reopening only — the new deadline the issuer chooses (today or later); without
  // it the supervision_reply clock from today.
  Result<ItemDetail> Act(const auth::Principal& who, int64_t id, Step step, int64_t version,
                         const std::string& note, const Actor& a,
                         const std::optional<std::string>& deadline = std::nullopt);

 private:
  Result<ItemScope> ScopeOf(db::Connection& c, const auth::Principal& who);
  Party PartyOf(db::Connection& c, const auth::Principal& who, const Item& i);
  Result<ItemDetail> Load(db::Connection& c, const auth::Principal& who, int64_t id);

  db::Database& db_;
  const Clock& clock_;
  clocks::ClockService& clocks_;
  pipeline::ProjectService& projects_;
  factors::FactorService& factors_;
};

}  // namespace zhaoshang::supervision
