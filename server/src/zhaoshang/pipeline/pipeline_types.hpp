#pragma once
// Types of the pipeline module. 项目: a lead is a project at its first stage. Money in integer
// yuan, land in 1/100 mu.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace zhaoshang::pipeline {

struct Contact {
  std::string name, phone, title;
};

// One line of the credit ledger (首报负责制): kind "first" (immutable except by adjudication) or
// "co".
struct PromoterEntry {
  int64_t user_id = 0;
  std::string user_name;
  int64_t unit_id = 0;
  std::string unit_name;
  std::string kind;
  int64_t joined_at = 0;
};

struct Project {
  int64_t id = 0;
  std::string name, investor_name, investor_norm;
  std::optional<std::string> uscc;
  std::string investor_origin;
  bool foreign = false;
  std::string industry_code, industry_name;
  std::string industry_section, industry_division, industry_group;  // for subtree filters
  std::optional<int64_t> chain_node_id;
  std::string chain_node_name;
  std::optional<int64_t> leading_industry_id;
  std::string leading_industry_name;
  int64_t total_investment = 0, fixed_investment = 0, land_mu_x100 = 0, building_m2 = 0,
          power_kva = 0, jobs = 0, annual_output = 0, annual_tax = 0;
  int band = 0;
  std::string source_channel;
  int64_t reporting_unit_id = 0;
  std::string reporting_unit_name;
  int64_t promoter_id = 0;
  std::string promoter_name;
  std::optional<int64_t> preferred_unit_id;
  std::string preferred_unit_name;
  std::string description;
  std::string stage = "lead";
  int64_t stage_since = 0;
  std::optional<std::string> stage_before;
  std::optional<int64_t> responsible_user_id;
  std::string responsible_user_name;
  int64_t responsible_unit_id = 0;
  std::string responsible_unit_name;
  std::optional<std::string> step_deadline;
  std::optional<int64_t> receiving_unit_id;
  std::string receiving_unit_name;
  std::optional<int64_t> district_id;
  std::optional<std::string> signing_date;
  std::optional<int64_t> contracted_investment;
  std::optional<std::string> construction_date, production_date;
  int64_t capital_in_place = 0;
  std::optional<std::string> close_reason_code, close_reason;
  int64_t created_at = 0, updated_at = 0, version = 1;
  std::optional<int64_t> pending_routing_id;  // routed to a park that has not answered yet
  std::vector<Contact> contacts;
  std::vector<PromoterEntry> promoters;
};

struct Activity {
  int64_t id = 0, project_id = 0;
  std::string kind, date, participants, summary, outcome;
  std::optional<std::string> next_action_date;
  std::optional<int64_t> amount;
  int64_t actor_id = 0;
  std::string actor_name;
  int64_t created_at = 0;
};

// What the caller may do with a routing (the same checks the routing service enforces).
struct RoutingCapabilities {
  bool respond = false;  // 接收 / 退回: the park's receivers (or the coordinator), while pending
  bool withdraw = false;  // 撤回: routing.write, while pending
  // 重新分派: routing.write (what POST /projects/{id}/routings asks), once the park declined;
  // whether the project may be routed now is the project's capabilities.route.
  bool reroute = false;
};

// 分派: the coordinator routes a project in the pool to a park, which accepts or declines.
struct Routing {
  int64_t id = 0, project_id = 0;
  std::string project_name, investor_name;
  int64_t reporting_unit_id = 0;
  std::string reporting_unit_name;
  int64_t park_id = 0;
  std::string park_name, note;
  int64_t routed_by = 0;
  std::string routed_by_name;
  int64_t routed_unit_id = 0, routed_at = 0;
  std::string deadline, status;  // pending | accepted | declined | withdrawn
  std::optional<std::string> reason_code, reason;
  std::optional<int64_t> decided_by;
  std::string decided_by_name;
  std::optional<int64_t> decided_at;
  std::optional<int64_t> fit_score;
  RoutingCapabilities capabilities;  // for the caller who loaded it
};

struct RoutingStat {
  int64_t unit_id = 0;
  std::string unit_name;
  int64_t routed = 0, accepted = 0, declined = 0, pending = 0;
  std::map<std::string, int64_t> reasons;
};

// A project event for the timeline (transitions, changes, promoters joining, adjudication).
struct Event {
  int64_t id = 0, project_id = 0, at = 0;
  std::string kind;  // created | transition | change | promoter_joined | adjudicated
  int64_t actor_id = 0;
  std::string actor_name;
  std::optional<std::string> from_stage, to_stage, reason_code, reason;
  std::string detail_json = "{}";
};

// The data scope a list or a lookup runs under.
struct ProjectScope {
  enum class Kind { kAll, kSelf, kUnits } kind = Kind::kSelf;
  int64_t user_id = 0;
  std::set<int64_t> units;  // kUnits: reporting, receiving or responsible unit in this set
};

struct ProjectFilter {
  std::vector<std::string> stages;
  std::string industry_code;  // any level: its subtree
  int industry_level = 0;
  std::optional<int64_t> leading_industry_id, district_id, park_id, promoter_id;
  std::optional<int64_t> reporting_unit_root;        // the request: a unit and its subtree
  std::optional<std::set<int64_t>> reporting_units;  // resolved by the service
  std::vector<int> bands;
  std::optional<int64_t> reported_from_ms, reported_to_ms;
  std::optional<std::string> signed_from, signed_to;
  std::string q;
  std::optional<std::string> overdue_before;  // step_deadline < this date
  // from ≤ step_deadline ≤ to (the clock filters: due soon, on time)
  std::optional<std::string> deadline_from, deadline_to;
  std::string sort = "created_at";
  bool ascending = false;
  int64_t offset = 0, limit = 20;
};

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

// A project the investor of a new lead collides with (撞单).
struct Hit {
  int64_t project_id = 0;
  std::string match;  // "uscc" | "name"
  double similarity = 0;
  std::string investor_name, project_name, reporting_unit_name, reported_on, stage;
  bool in_scope = false;
  std::vector<Contact> contacts;  // masked when out of scope
};

// 撞单确认: a project reported although it collided with others, as the coordinator lists it.
struct CollisionSide {
  int64_t project_id = 0;
  std::string name, investor_name, reporting_unit_name, promoter_name, stage;
  int64_t created_at = 0;
};
struct ConfirmedCollision {
  CollisionSide project;  // the one reported after confirming
  int64_t confirmed_at = 0;
  std::string confirmed_by_name;
  struct Hit {
    CollisionSide project;  // a project it collided with when confirmed
    std::string match;      // "uscc" | "name"
    int similarity_pct = 0;
  };
  std::vector<Hit> hits;
};

struct TimelineItem {
  int64_t at = 0;
  std::string kind;  // transition | activity | change | created | promoter_joined | adjudicated
  std::string actor_name;
  std::optional<Event> event;
  std::optional<Activity> activity;
};

// One move the caller may make now, and what the transition dialog must ask for.
struct TransitionOption {
  std::string to;
  std::vector<std::string> ask;           // transition inputs not yet set on the project
  std::vector<std::string> reason_codes;  // empty: no code is asked
  std::string reason = "none";            // free text: "required" | "optional" | "none"
  std::vector<std::string> evidence;      // attachment kinds still missing for this stage
  std::vector<std::string> checklist;     // required checklist items of the stage left, unticked
};

// What the caller may do with a project, computed by the checks that enforce it.
struct ProjectCapabilities {
  bool edit = false, add_activity = false, adjudicate = false, route = false,
       confirm_capital = false;
  bool attach = false;                        // add attachments (and remove one's own)
  bool manage_files = false;                  // remove anyone's attachment (the coordinator)
  std::vector<TransitionOption> transitions;  // without the routing edge (that is `route`)
};

// What the detail view shows beside the project.
struct ProjectView {
  Project project;
  std::vector<std::string> allowed_transitions;
  ProjectCapabilities capabilities;
  bool contacts_masked = false;
  bool overdue = false;
};

struct BoardColumn {
  std::string stage;
  int64_t count = 0;
  std::vector<Project> items;
  // Beside each item when the board asks (the moves its cards may make), else empty.
  std::vector<ProjectCapabilities> capabilities;
};

struct RoutingQuery {
  std::string status;
  std::optional<int64_t> park_id, project_id;
  int64_t offset = 0, limit = 20;
};

// Open clocks past their deadline, for the escalation sweep: a project in an active stage past
// its stage deadline, a routing the park has not answered in time.
// A project whose follow-up clock runs for someone (the workbench's 跟进 to-dos).
struct FollowUpCandidate {
  int64_t id = 0;
  std::string name, stage;
  int64_t created_at = 0, stage_since = 0;
  std::optional<std::string> last_activity;  // the latest activity_date
};
struct FollowUpDue {
  int64_t id = 0;
  std::string name, clock, deadline;
};

struct OverdueProject {
  int64_t id = 0;
  std::string name, stage, deadline;
  int64_t unit_id = 0;  // responsible
  std::optional<int64_t> responsible_user_id;
  int64_t promoter_id = 0;
};
struct OverdueRouting {
  int64_t id = 0, project_id = 0;
  std::string project_name, deadline;
  int64_t park_id = 0;
};

}  // namespace zhaoshang::pipeline
