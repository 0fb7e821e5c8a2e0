// Demo supervision items (督办): issued by the coordinator and the leader on projects, a factor
// request and a unit, in every state — open, replied, closed, reopened — one of them overdue.
#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/supervision/supervision_store.hpp"

namespace zhaoshang {

void LoadDemoSupervision(App& app) {
  const Actor actor{0, "demo-loader", "", "cli", "demo"};
  const auth::Principal coordinator = DemoPrincipal(app, "coordinator");
  const auth::Principal leader = DemoPrincipal(app, "leader");
  const auth::Principal receiver = DemoPrincipal(app, "receiver");
  const auth::Principal land = DemoPrincipal(app, "collaborator");
  const auth::Principal yx = DemoPrincipal(app, "unithead");

  pipeline::ProjectFilter f;
  f.stages = {"signed", "construction", "negotiation"};
  f.limit = 6;
  int64_t total = 0;
  auto projects = Must(app.projects().List(receiver, f, &total), "projects");
  if (projects.size() < 3) return;  // a small generated city

  auto issue = [&](const auth::Principal& who, const supervision::IssueInput& in) {
    return Must(app.supervision().Issue(who, in, actor), "supervision item").item;
  };
  auto step = [&](const auth::Principal& who, const supervision::Item& i, supervision::Step s,
                  const std::string& note) {
    return Must(app.supervision().Act(who, i.id, s, i.version, note, actor), "supervision step")
        .item;
  };
  using enum supervision::Step;

  // Open: the leader's 批示 on a building project, waiting for the park's reply.
  issue(leader, {"project", projects[0].id, std::nullopt, "加快推进项目开工建设",
                 "请经开区倒排工期，明确开工节点，每周报送进展。", "请抓紧推进，确保年内开工。",
                 "critical", std::nullopt});
  // Replied: the park has answered; the coordinator has not closed it yet.
  auto r = issue(coordinator,
                 {"project", projects[1].id, std::nullopt, "落实签约项目要素保障",
                  "请梳理项目用地、用电需求，三个工作日内反馈。", "", "urgent", std::nullopt});
  step(receiver, r, kReply,
       "已梳理用地 60 亩、用电 8000 kVA 需求，已向自然资源局、供电公司提交要素保障申请。");
  // Closed after the reply.
  auto c1 = issue(coordinator, {"project", projects[2].id, std::nullopt, "补充项目投资协议",
                                "请上传正式签署的投资协议扫描件。", "", "normal", std::nullopt});
  c1 = step(receiver, c1, kReply, "投资协议已补充归档。");
  step(coordinator, c1, kClose, "已核实，办结。");
  // Reopened: closed on the first reply, then found not enough.
  auto o = issue(coordinator, {"unit", yx.unit_id, std::nullopt, "宜秀区线索研判滞后",
                               "宜秀区本月有多条线索超期未研判，请说明原因并限期研判。", "",
                               "urgent", std::nullopt});
  o = step(yx, o, kReply, "已安排专人跟进。");
  o = step(coordinator, o, kClose, "");
  step(coordinator, o, kReopen, "请列明每条线索的研判时间表。");
  // On a factor request the land bureau has not been able to resolve.
  factors::FactorQuery fq;
  fq.statuses = {"unresolvable"};
  fq.limit = 1;
  if (auto open = app.factors().List(coordinator, fq, &total); open && !open->empty())
    issue(coordinator,
          {"factor_request", open->front().id, std::nullopt, "协调解决新增用地指标",
           "请自然资源局会同经开区研究用地指标统筹方案。", "", "urgent", std::nullopt});

  // One issued three weeks ago and never answered: overdue.
  auto c = app.db().Acquire();
  db::Transaction tx(*c, true);
  const int64_t issued = app.clock().NowMs() - 21LL * 86'400'000;
  supervision::Item late;
  late.subject_type = "project";
  late.subject_id = projects[0].id;
  late.project_id = projects[0].id;
  late.unit_id = land.unit_id;
  late.title = "项目用地报批进度";
  late.instruction = "请说明项目用地报批进度及存在的问题。";
  late.priority = "normal";
  late.deadline = app.clocks().Calendar(*c)->AddWorkingDays(
      LocalDateOfMs(issued), clocks::ClockService::DaysFor(*c, clocks::kSupervisionReply));
  late.status = "open";
  late.issued_by = coordinator.user_id;
  late.issued_at = issued;
  late.id = supervision::store::Insert(*c, late);
  supervision::store::AddEvent(
      *c, {0, late.id, issued, coordinator.user_id, "", "issued", late.instruction});
  tx.Commit();
}

}  // namespace zhaoshang
