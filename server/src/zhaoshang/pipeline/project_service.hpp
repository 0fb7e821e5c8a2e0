#pragma once
// Projects: intake with the collision check (撞单), the first-reporter ledger (首报负责制),
// edits, activities and 到位资金, the ledger and board, the timeline. Moves between stages are
// the workflow service's; routing to parks is the routing service's. No SQL text, no HTTP.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/pipeline/project_rules.hpp"

namespace zhaoshang::pipeline {

class Ledger;

class ProjectService {
 public:
  ProjectService(db::Database& db, const Clock& clock, clocks::ClockService& clocks);
  ~ProjectService();
  // Loads the in-memory ledger now instead of on the first ledger request.
  void WarmLedger();
  Ledger& ledger() { return *ledger_; }

  // A new lead. When the investor collides with reported projects (撞单) the reporter must
  // have confirmed it is a new project (`collision_confirmed`), else invalid_argument with
  // collision_confirmed = confirm_required; the projects the server finds are recorded with
  // the project (ListCollisions) and in its audit row.
  Result<ProjectView> Create(const auth::Principal& who, const ProjectInput& in, const Actor& actor,
                             bool collision_confirmed = false);
  // Field errors of a new project (keys are API field names); no writes.
  Status CheckNew(const ProjectInput& in);
  // Creates every lead in one transaction: all or nothing (used by the import).
  Result<std::vector<int64_t>> CreateMany(const auth::Principal& who,
                                          const std::vector<ProjectInput>& in, const Actor& actor);
  // The park or district with this exact name, for imports.
  std::optional<int64_t> ReceivingUnitByName(const std::string& name);
  // 撞单 confirmed: the caller joins an existing project as co-promoter — only one that the
  // reported investor (name or credit code) collides with.
  Result<int64_t> Join(const auth::Principal& who, int64_t project_id,
                       const std::string& investor_name, const std::string& uscc,
                       const Actor& actor);
  Result<ProjectView> Update(const auth::Principal& who, int64_t id, const ProjectInput& in,
                             int64_t version, const Actor& actor);
  Result<ProjectView> Adjudicate(const auth::Principal& who, int64_t id, int64_t first_user_id,
                                 const std::string& reason, const Actor& actor);
  Result<ProjectView> Get(const auth::Principal& who, int64_t id);
  // 撞单确认: the projects reported after their reporter confirmed a collision (coordinator).
  std::vector<ConfirmedCollision> ListCollisions(int64_t offset, int64_t limit, int64_t* total);
  Result<std::vector<Project>> List(const auth::Principal& who, ProjectFilter f, int64_t* total);
  // The follow-ups the caller owes that are due soon or overdue on `day` (first activity on a
  // lead, progress reports), by deadline.
  std::vector<FollowUpDue> FollowUpsDue(const auth::Principal& who, const clocks::ClockDay& day);
  // The same page, each row rendered by `render` (cached per project while `render_key`,
  // e.g. today's date, is unchanged): the ledger's hot path.
  Result<std::vector<std::string>> ListRendered(
      const auth::Principal& who, ProjectFilter f, int64_t* total, const std::string& render_key,
      const std::function<std::string(const Project&)>& render);
  // The stage columns (the filter's stages, else all) with their counts and one page of cards
  // each (f.offset, f.limit), the latest to enter the stage first; with `with_capabilities` each
  // card's capabilities — the moves the board lets it make — computed as for the detail page.
  Result<std::vector<BoardColumn>> Board(const auth::Principal& who, ProjectFilter f,
                                         bool with_capabilities = false);
  std::vector<Hit> CollisionCheck(const auth::Principal& who, const std::string& investor_name,
                                  const std::string& uscc, std::optional<int64_t> exclude);
  // A "capital" activity adds to 到位资金, which may not pass the contracted (else the total)
  // investment unless a coordinator confirms it (`confirm_over_investment`).
  Result<Activity> AddActivity(const auth::Principal& who, int64_t id, Activity a,
                               const Actor& actor, bool confirm_over_investment = false);
  Result<std::vector<TimelineItem>> Timeline(const auth::Principal& who, int64_t id);
  // Data leaving the system is audited: who exported how many rows with which filters.
  void RecordExport(const Actor& actor, int64_t rows, const std::string& query);

 private:
  // Every project the investor collides with: id → (match "uscc"|"name", similarity).
  std::map<int64_t, std::pair<std::string, double>> CollisionCandidates(
      db::Connection& c, const std::string& investor_name, const std::string& uscc);
  Status Validate(db::Connection& c, const ProjectInput& in, bool create);
  int64_t Insert(db::Connection& c, const auth::Principal& who, const ProjectInput& in,
                 const Actor& actor, int64_t now,
                 const std::map<int64_t, std::pair<std::string, double>>& confirmed_hits = {});
  void Apply(db::Connection& c, const ProjectInput& in, Project& p);
  ProjectView View(db::Connection& c, const auth::Principal& who, Project p);

  db::Database& db_;
  const Clock& clock_;
  clocks::ClockService& clocks_;
  std::unique_ptr<Ledger> ledger_;
};

}  // namespace zhaoshang::pipeline
