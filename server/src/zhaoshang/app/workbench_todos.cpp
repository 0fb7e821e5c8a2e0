#include "zhaoshang/app/workbench_todos.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/factors/factor_permissions.hpp"
#include "zhaoshang/factors/factor_service.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/pipeline/routing_service.hpp"
#include "zhaoshang/pipeline/workflow.hpp"
#include "zhaoshang/supervision/supervision_permissions.hpp"
#include "zhaoshang/supervision/supervision_service.hpp"

namespace zhaoshang {
namespace json = boost::json;

namespace {
struct Todo {
  std::string kind;
  int64_t id = 0, project_id = 0;
  std::string title, detail, deadline;
};

// A factor request's running clock: answering while open, resolving once accepted; none once a
// department declared it cannot resolve it (the coordinator's to re-assign).
std::string DeadlineOf(const factors::FactorRequest& r) {
  if (r.status == "open") return r.answer_deadline;
  if (r.status == "accepted") return r.resolve_deadline.value_or("");
  return "";
}

bool Has(const auth::Principal& who, std::string_view permission) {
  return org::ResolveScope(who.roles, permission).has_value();
}
}  // namespace

json::object TodosJson(const TodoSources& s, const auth::Principal& who) {
  const clocks::ClockDay day = s.clocks.Now();
  std::vector<Todo> todos;
  int64_t n_projects = 0, n_routings = 0, n_factors = 0, n_supervision = 0, n_follow_ups = 0;
  if (Has(who, pipeline::perm::kProjectRead)) {
    pipeline::ProjectFilter f;
    f.deadline_to = day.due_soon_through;  // overdue or due soon
    f.sort = "step_deadline";
    f.ascending = true;
    f.limit = kTodoItems;
    if (auto rows = s.projects.List(who, f, &n_projects))
      for (const auto& p : *rows)
        todos.push_back({"project", p.id, p.id, p.name,
                         std::string(pipeline::NextStep(
                             pipeline::ParseStage(p.stage).value_or(pipeline::Stage::kLead),
                             p.pending_routing_id.has_value())),
                         p.step_deadline.value_or("")});
  }
  if (Has(who, pipeline::perm::kProjectWrite)) {  // 跟进: a first activity on a new lead, progress
                                                  // reports
    const auto due = s.projects.FollowUpsDue(who, day);
    n_follow_ups = static_cast<int64_t>(due.size());
    for (size_t i = 0; i < due.size() && i < static_cast<size_t>(kTodoItems); ++i)
      todos.push_back(
          {"follow_up", due[i].id, due[i].id, due[i].name, due[i].clock, due[i].deadline});
  }
  if (Has(who, "routing.respond")) {
    pipeline::RoutingQuery q;
    q.status = "pending";
    q.limit = kTodoItems;
    if (auto rows = s.routing.List(who, q, &n_routings))
      for (const auto& r : *rows)
        if (r.capabilities.respond)
          todos.push_back({"routing", r.id, r.project_id, r.project_name, r.park_name, r.deadline});
  }
  if (Has(who, factors::perm::kFactorHandle)) {
    factors::FactorQuery q;
    const bool everyone =
        org::ResolveScope(who.roles, factors::perm::kFactorHandle) == org::Scope::kAll;
    if (everyone) {
      q.statuses = {"unresolvable"};  // escalated to the coordinator
    } else {
      q.statuses = {"open", "accepted"};
      q.department_id = who.unit_id;
    }
    q.limit = kTodoItems;
    if (auto rows = s.factors.List(who, q, &n_factors))
      for (const auto& r : *rows)
        todos.push_back(
            {"factor_request", r.id, r.project_id, r.project_name, r.type, DeadlineOf(r)});
    if (everyone) {  // and what is late anywhere
      factors::FactorQuery late;
      late.overdue_on = day.today;
      late.limit = kTodoItems;
      int64_t n_late = 0;
      if (auto rows = s.factors.List(who, late, &n_late))
        for (const auto& r : *rows)
          todos.push_back(
              {"factor_request", r.id, r.project_id, r.project_name, r.type, DeadlineOf(r)});
      n_factors += n_late;
    }
  }
  if (Has(who, supervision::perm::kSupervisionReply)) {  // items addressed to the caller's unit, to
                                                         // answer
    supervision::ItemQuery q;
    q.statuses = {"open"};
    q.limit = kTodoItems;
    int64_t n = 0;
    if (auto rows = s.supervision.List(who, q, &n))
      for (const auto& i : *rows)
        todos.push_back(
            {"supervision", i.id, i.project_id.value_or(0), i.title, i.priority, i.deadline});
    n_supervision += n;
  }
  if (Has(who, supervision::perm::kSupervisionIssue)) {  // replies waiting for the issuer side to
                                                         // close or reopen
    supervision::ItemQuery q;
    q.statuses = {"replied"};
    q.limit = kTodoItems;
    int64_t n = 0;
    if (auto rows = s.supervision.List(who, q, &n))
      for (const auto& i : *rows)
        todos.push_back({"supervision", i.id, i.project_id.value_or(0), i.title, "replied", ""});
    n_supervision += n;
  }
  std::stable_sort(todos.begin(), todos.end(), [](const Todo& a, const Todo& b) {
    if (a.deadline.empty() != b.deadline.empty()) return b.deadline.empty();
    return a.deadline < b.deadline;
  });
  json::array items;
  for (const auto& t : todos)
    items.push_back(json::object{
        {"kind", t.kind},
        {"id", t.id},
        {"project_id", t.project_id},
        {"title", t.title},
        {"detail", t.detail},
        {"deadline", t.deadline.empty() ? json::value(nullptr) : json::value(t.deadline)},
        {"clock", t.deadline.empty()
                      ? json::value(nullptr)
                      : json::value(clocks::ClockStateName(day.StateOf(t.deadline)))}});
  return {{"counts", json::object{{"projects", n_projects},
                                  {"routings", n_routings},
                                  {"factor_requests", n_factors},
                                  {"supervision", n_supervision},
                                  {"follow_ups", n_follow_ups}}},
          {"items", std::move(items)}};
}

}  // namespace zhaoshang
