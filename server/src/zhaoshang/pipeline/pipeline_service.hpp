#pragma once
// Rules of the pipeline: intake with the collision check, the first-reporter ledger, stage
// transitions with hand-over of responsibility, activities, scope. No SQL text, no HTTP.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/pipeline/project.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::pipeline {

// Editable fields; absent = unchanged (PATCH) or default (create).
struct ProjectInput {
  std::optional<std::string> name, investor_name, uscc, investor_origin, industry_code,
      source_channel, description;
  std::optional<bool> foreign;
  std::optional<int64_t> chain_node_id, preferred_unit_id;  // 0 clears
  std::optional<int64_t> total_investment, fixed_investment, land_mu_x100, building_m2, power_kva,
      jobs, annual_output, annual_tax;
  std::optional<std::vector<Contact>> contacts;
};

struct TransitionInput {
  std::string to;
  int64_t version = 0;
  std::string reason_code, reason;
  std::optional<int64_t> receiving_unit_id, responsible_user_id, contracted_investment;
  std::optional<std::string> signing_date, construction_date, production_date;
};

struct Hit {
  int64_t project_id = 0;
  std::string match;  // "uscc" | "name"
  double similarity = 0;
  std::string investor_name, project_name, reporting_unit_name, reported_on, stage;
  bool in_scope = false;
  std::vector<Contact> contacts;  // masked when out of scope
};

struct TimelineItem {
  int64_t at = 0;
  std::string kind;  // transition | activity | change | created | promoter_joined | adjudicated
  std::string actor_name;
  std::optional<Event> event;
  std::optional<Activity> activity;
};

// What the detail view shows beside the project.
struct ProjectView {
  Project project;
  std::vector<std::string> allowed_transitions;
  bool contacts_masked = false;
  bool overdue = false;
};

struct BoardColumn {
  std::string stage;
  int64_t count = 0;
  std::vector<Project> items;
};

const std::vector<std::string>& SourceChannels();
const std::vector<std::string>& ActivityKinds();
std::string MaskName(const std::string& s);   // "张伟" → "张*"
std::string MaskPhone(const std::string& s);  // "13812345678" → "138****5678"
std::string MaskText(const std::string& s);   // keeps the first 2 and last 4 characters

class Ledger;

class PipelineService {
 public:
  PipelineService(db::Database& db, const Clock& clock);
  ~PipelineService();
  // Loads the in-memory ledger now instead of on the first ledger request.
  void WarmLedger();
  Ledger& ledger() { return *ledger_; }

  Result<ProjectView> Create(const auth::Principal& who, const ProjectInput& in,
                             const audit::Actor& actor);
  // Field errors of a new project (keys are API field names); no writes.
  Status CheckNew(const ProjectInput& in);
  // Creates every lead in one transaction: all or nothing (used by the import).
  Result<std::vector<int64_t>> CreateMany(const auth::Principal& who,
                                          const std::vector<ProjectInput>& in,
                                          const audit::Actor& actor);
  // The park or district with this exact name, for imports.
  std::optional<int64_t> ReceivingUnitByName(const std::string& name);
  // 撞单 confirmed: the caller joins an existing project as co-promoter — only one that the
  // reported investor (name or credit code) collides with.
  Result<int64_t> Join(const auth::Principal& who, int64_t project_id,
                       const std::string& investor_name, const std::string& uscc,
                       const audit::Actor& actor);
  Result<ProjectView> Update(const auth::Principal& who, int64_t id, const ProjectInput& in,
                             int64_t version, const audit::Actor& actor);
  Result<ProjectView> Transition(const auth::Principal& who, int64_t id, const TransitionInput& in,
                                 const audit::Actor& actor);
  Result<ProjectView> Adjudicate(const auth::Principal& who, int64_t id, int64_t first_user_id,
                                 const std::string& reason, const audit::Actor& actor);
  Result<ProjectView> Get(const auth::Principal& who, int64_t id);
  Result<std::vector<Project>> List(const auth::Principal& who, ProjectFilter f, int64_t* total);
  // The same page, each row rendered by `render` (cached per project while `render_key`,
  // e.g. today's date, is unchanged): the ledger's hot path.
  Result<std::vector<std::string>> ListRendered(
      const auth::Principal& who, ProjectFilter f, int64_t* total, const std::string& render_key,
      const std::function<std::string(const Project&)>& render);
  Result<std::vector<BoardColumn>> Board(const auth::Principal& who, ProjectFilter f);
  std::vector<Hit> CollisionCheck(const auth::Principal& who, const std::string& investor_name,
                                  const std::string& uscc, std::optional<int64_t> exclude);
  // A "capital" activity adds to 到位资金, which may not pass the contracted (else the total)
  // investment unless a coordinator confirms it (`confirm_over_investment`).
  Result<Activity> AddActivity(const auth::Principal& who, int64_t id, Activity a,
                               const audit::Actor& actor, bool confirm_over_investment = false);
  Result<std::vector<TimelineItem>> Timeline(const auth::Principal& who, int64_t id);
  // Data leaving the system is audited: who exported how many rows with which filters.
  void RecordExport(const audit::Actor& actor, int64_t rows, const std::string& query);
  // A transition inside the caller's transaction (the pre-review panel's decisions), checked
  // like any other; the project's current version is used.
  Status TransitionWithin(db::Connection& c, const auth::Principal& who, int64_t id,
                          TransitionInput in, const audit::Actor& actor);
  // 分派: route a project in the pool to a park; the park accepts or declines.
  Result<Routing> Route(const auth::Principal& who, int64_t project_id, int64_t park_id,
                        const std::string& note, int64_t version, std::optional<int64_t> fit_score,
                        const audit::Actor& actor);
  Result<Routing> AcceptRouting(const auth::Principal& who, int64_t id,
                                std::optional<int64_t> responsible_user_id,
                                const audit::Actor& actor);
  Result<Routing> DeclineRouting(const auth::Principal& who, int64_t id,
                                 const std::string& reason_code, const std::string& reason,
                                 const audit::Actor& actor);
  Result<Routing> WithdrawRouting(const auth::Principal& who, int64_t id, const std::string& reason,
                                  const audit::Actor& actor);
  struct RoutingQuery {
    std::string status;
    std::optional<int64_t> park_id, project_id;
    int64_t offset = 0, limit = 20;
  };
  Result<std::vector<Routing>> Routings(const auth::Principal& who, const RoutingQuery& q,
                                        int64_t* total);
  // By park and by reporting unit.
  Result<std::pair<std::vector<RoutingStat>, std::vector<RoutingStat>>> RoutingStats(
      const auth::Principal& who);
  std::map<std::string, int> DeadlineDays();
  Status SaveDeadlineDays(const std::map<std::string, int>& days, std::optional<int> routing_days,
                          const audit::Actor& actor);
  // Days a park has to answer a routing.
  int RoutingDays();

 private:
  Result<ProjectScope> ScopeOf(db::Connection& c, const auth::Principal& who);
  // Every project the investor collides with: id → (match "uscc"|"name", similarity).
  std::map<int64_t, std::pair<std::string, double>> CollisionCandidates(
      db::Connection& c, const std::string& investor_name, const std::string& uscc);
  // A checked transition inside the caller's transaction; `relation` is who the caller is to
  // the project (a park accepting a routing passes its own).
  Status TransitionIn(db::Connection& c, const auth::Principal& who, const Project& current,
                      const TransitionInput& in, const audit::Actor& actor,
                      const Relation& relation);
  Result<Routing> GetRouting(db::Connection& c, int64_t id);
  Status CheckRoutingParty(db::Connection& c, const auth::Principal& who, const Routing& r);
  // Pending routing ended (declined or withdrawn): the router's unit is responsible again.
  Status EndRouting(db::Connection& c, const auth::Principal& who, int64_t id,
                    const std::string& status, const std::string& reason_code,
                    const std::string& reason, const audit::Actor& actor);
  bool InScope(const Project& p, const ProjectScope& s) const;
  Relation RelationOf(db::Connection& c, const auth::Principal& who, const Project& p);
  Status Validate(db::Connection& c, const ProjectInput& in, bool create);
  int64_t Insert(db::Connection& c, const auth::Principal& who, const ProjectInput& in,
                 const audit::Actor& actor, int64_t now);
  void Apply(db::Connection& c, const ProjectInput& in, Project& p);
  ProjectView View(db::Connection& c, const auth::Principal& who, Project p);
  std::optional<int64_t> DistrictOf(db::Connection& c, std::optional<int64_t> unit);

  db::Database& db_;
  const Clock& clock_;
  std::unique_ptr<Ledger> ledger_;
};

}  // namespace zhaoshang::pipeline
