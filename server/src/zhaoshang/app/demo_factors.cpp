// Demo factor-guarantee requests (要素保障): the departments that handle each type, and requests
// on the park's signed and building projects in every state.
#include <stdexcept>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/factors/factors_store.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang {

void LoadDemoFactors(App& app) {
  const Actor actor{0, "demo-loader", "", "cli", "demo"};
  std::map<std::string, int64_t> unit;
  {
    auto c = app.db().Acquire();
    for (const auto& u : org::store::ListUnits(*c)) unit[u.code] = u.id;
  }
  const std::pair<const char*, const char*> kMapping[] = {
      {"land", "AQ-ZRZY"},        {"planning_permit", "AQ-ZRZY"}, {"power", "AQ-GDGS"},
      {"environment", "AQ-STHJ"}, {"energy_review", "AQ-FGW"},    {"labour", "AQ-RSJ"},
      {"talent", "AQ-RSJ"},       {"finance", "AQ-JXJ"},          {"policy", "AQ-FGW"}};
  for (const auto& [type, code] : kMapping)
    if (auto st = app.factors().SetTypeUnit(actor, type, unit.at(code)); !st)
      throw std::runtime_error("demo factor mapping: " + st.error().message);

  // The park raises requests on its signed and building projects.
  const auth::Principal receiver = DemoPrincipal(app, "receiver");
  const auth::Principal land = DemoPrincipal(app, "collaborator");
  const auth::Principal power = DemoPrincipal(app, "gdcollab");
  pipeline::ProjectFilter f;
  f.stages = {"signed", "construction"};
  f.limit = 6;
  int64_t total = 0;
  auto projects = Must(app.projects().List(receiver, f, &total), "projects");
  if (projects.size() < 4) return;  // a small generated city
  auto raise = [&](size_t i, const char* type, const char* need, std::optional<int64_t> qty) {
    return Must(app.factors().Raise(receiver, projects[i].id, {type, need, qty, std::nullopt},
                                    actor),
                "factor request")
        .request;
  };
  auto act = [&](const auth::Principal& who, const factors::FactorRequest& r,
                 factors::FactorAction a, factors::ActInput in) {
    in.version = r.version;
    return Must(app.factors().Act(who, r.id, a, in, actor), "factor step").request;
  };
  using enum factors::FactorAction;
  // Open, waiting for the land bureau.
  raise(0, "land", "二期厂房用地，需新增工业用地约 60 亩", 6000);
  // Accepted by the power company and under way.
  auto p = raise(1, "power", "新建 110kV 专线，报装容量 8000 kVA", 8000);
  p = act(power, p, kAccept, {});
  act(power, p, kProgress, {0, std::nullopt, "已完成现场勘查，接入方案编制中", "", std::nullopt});
  // Resolved by the land bureau.
  auto l = raise(2, "planning_permit", "办理建设工程规划许可证", std::nullopt);
  l = act(land, l, kAccept, {});
  act(land, l, kResolve, {0, std::nullopt, "", "已核发建设工程规划许可证", std::nullopt});
  // Declared beyond the land bureau: with the coordinator now.
  auto u = raise(3, "land", "申请新增用地指标 120 亩", 12000);
  act(land, u, kUnresolvable,
      {0, std::nullopt, "本年度新增建设用地指标已用完，需省级统筹", "", "no_quota"});

  // One left unanswered for two weeks: overdue.
  auto c = app.db().Acquire();
  db::Transaction tx(*c, true);
  const int64_t raised = app.clock().NowMs() - 14LL * 86'400'000;
  const std::string raised_day = LocalDateOfMs(raised);
  factors::FactorRequest late;
  late.project_id = projects[projects.size() > 4 ? 4 : 0].id;
  late.type = "labour";
  late.need = "投产前招聘一线操作工 200 人";
  late.quantity = 200;
  late.department_id = unit.at("AQ-RSJ");
  late.status = "open";
  late.raised_by = receiver.user_id;
  late.raised_unit_id = receiver.unit_id;
  late.raised_at = raised;
  late.answer_deadline = app.clocks().Calendar(*c)->AddWorkingDays(
      raised_day, clocks::ClockService::DaysFor(*c, clocks::kFactorAnswer));
  late.id = factors::store::Insert(*c, late);
  factors::store::AddEvent(*c, {0, late.id, raised, receiver.user_id, "", "raised", late.need,
                                std::nullopt, late.department_id, "", ""});
  tx.Commit();
}

}  // namespace zhaoshang
