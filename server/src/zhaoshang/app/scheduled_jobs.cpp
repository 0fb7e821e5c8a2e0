#include "zhaoshang/app/scheduled_jobs.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "zhaoshang/app/workbench_todos.hpp"
#include "zhaoshang/auth/auth_service.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/org_types.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang {
namespace json = boost::json;

int SendDigests(App& app, int64_t now) {
  std::vector<std::string> roles;
  for (const auto& r : org::AllRoles())
    for (const auto& g : r.grants)
      if (g.permission == "workbench.view") roles.emplace_back(r.code);
  std::vector<int64_t> users;
  {
    auto c = app.db().Acquire();
    users = org::store::ActiveUsersWithRoles(*c, roles, std::nullopt);
  }
  const TodoSources sources{app.projects(), app.routing(), app.factors(), app.supervision(),
                            app.clocks()};
  int sent = 0;
  for (int64_t id : users) {
    std::optional<org::User> u;
    {
      auto c = app.db().Acquire();
      u = org::store::GetUser(*c, id);
    }
    if (!u) continue;
    const auth::Principal who = auth::PrincipalOf(*u);
    const json::object todos = TodosJson(sources, who);
    int64_t overdue = 0, due_soon = 0;
    for (const auto& item : todos.at("items").as_array()) {
      const auto& clock = item.as_object().at("clock");
      if (!clock.is_string()) continue;
      if (clock.as_string() == "overdue") ++overdue;
      if (clock.as_string() == "due_soon") ++due_soon;
    }
    if (overdue + due_soon == 0) continue;
    auto c = app.db().Acquire();
    db::Transaction tx(*c, true);
    notify::Send(*c, {who.user_id}, notify::kDigest,
                 {"workbench", 0, std::nullopt, "",
                  json::serialize(json::object{{"overdue", overdue}, {"due_soon", due_soon}})},
                 now);
    tx.Commit();
    ++sent;
  }
  return sent;
}

void RegisterJobs(jobs::Scheduler& s, App& app, const std::string& owner) {
  s.Register(jobs::kClockSweep, [&app](int64_t now) {
    const auto r = app.escalation().Sweep(now);
    return fmt::format("{} overdue items, {} escalation steps, {} leads on the agenda, {} ms",
                       r.items, r.steps, r.agenda, r.ms);
  });
  s.Register(jobs::kPolicyExpiry, [&app](int64_t) {
    return fmt::format("{} policies told", app.policies().TellExpiring());
  });
  s.Register(jobs::kDigest,
             [&app](int64_t now) { return fmt::format("{} digests", SendDigests(app, now)); });
  s.Register(jobs::kDeliver, [&app, owner](int64_t now) {
    const auto r =
        app.notify().DeliverDue(now, owner, app.config().public_url,
                                std::chrono::milliseconds(app.config().robot_timeout_ms));
    if (r.delivered + r.retrying + r.failed == 0) return std::string();
    return fmt::format("{} delivered, {} to retry, {} failed", r.delivered, r.retrying, r.failed);
  });
}

}  // namespace zhaoshang
