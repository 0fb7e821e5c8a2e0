// Escalation (逐级上报) and the scheduler's jobs through the application, on both engines, on the
// injected clock (never by sleeping): overdue items rise tier by tier, once each, into the item's
// timeline, the audit log and the right inboxes; an unjudged lead goes onto the next open
// pre-review round; each job slot runs once even when two schedulers share the database.
#include "support/test_env.hpp"

#include "zhaoshang/app/scheduled_jobs.hpp"
#include "zhaoshang/jobs/scheduler.hpp"

#include <optional>
#include <set>

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

constexpr int64_t kDay = 86'400'000;

// The tiers recorded in an item's events, in order.
std::vector<std::string> EscalatedTiers(const Reply& item) {
  std::vector<std::string> out;
  for (const auto& e : item.json.at("events").as_array())
    if (e.at("kind").as_string() == "escalated") out.emplace_back(e.at("note").as_string());
  return out;
}

// The caller's notifications of `kind` about an object (type and id), or — for an object of
// another kind — about project `project_id`.
int CountNotes(Client& c, const std::string& kind, const std::string& type, int64_t id,
               std::optional<int64_t> project_id = std::nullopt) {
  Reply r = c.Get("/api/v1/notifications?page_size=100");
  EXPECT_EQ(r.status, 200) << r.body;
  int n = 0;
  for (const auto& x : r.json.at("items").as_array())
    if (x.at("kind").as_string() == kind && x.at("object_type").as_string() == type &&
        x.at("object_id").as_int64() == id &&
        (!project_id || x.at("project_id").as_int64() == *project_id))
      ++n;
  return n;
}

bool Listed(Client& c, const std::string& type, int64_t id, const std::string& tier) {
  Reply r = c.Get("/api/v1/escalations?page_size=100");
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& x : r.json.at("items").as_array())
    if (x.at("object_type").as_string() == type && x.at("object_id").as_int64() == id &&
        x.at("tier").as_string() == tier)
      return true;
  return false;
}

TEST(EscalationApi, AFactorRequestRisesTierByTierOnce) {
  TestApp t;  // Wednesday 2026-11-18
  Client receiver(*t.app), power(*t.app), coordinator(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  Reply project = receiver.Get("/api/v1/projects?page_size=1&stage=signed");
  const int64_t pid = project.json.at("items").as_array().at(0).at("id").as_int64();
  Reply raised = receiver.Post(
      "/api/v1/projects/" + std::to_string(pid) + "/factor-requests",
      json::object{{"type", "power"}, {"need", "新增 2000 kVA 专变"}, {"quantity", 2000}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  ASSERT_EQ(raised.json.at("answer_deadline").as_string(), "2026-11-20");  // Friday
  const int64_t id = raised.json.at("id").as_int64();
  const std::string path = "/api/v1/factor-requests/" + std::to_string(id);
  auto sweep_on = [&](int64_t days) {
    t.clock.Set(kT0 + days * kDay);
    return t.app->escalation().Sweep(t.clock.NowMs());
  };
  // Friday, the deadline itself: nothing.
  sweep_on(2);
  ASSERT_EQ(power.Login("gdcollab").status, 200);
  EXPECT_TRUE(EscalatedTiers(power.Get(path)).empty());
  // Saturday: overdue, 0 working days past: the department is told.
  auto sat = sweep_on(3);
  EXPECT_GE(sat.steps, 1);
  ASSERT_EQ(power.Login("gdcollab").status, 200);
  EXPECT_EQ(EscalatedTiers(power.Get(path)), std::vector<std::string>{"responsible"});
  EXPECT_EQ(CountNotes(power, "overdue", "factor_request", id), 1);
  // The same day again: no second step, no second notification.
  sweep_on(3);
  EXPECT_EQ(EscalatedTiers(power.Get(path)).size(), 1U);
  EXPECT_EQ(CountNotes(power, "overdue", "factor_request", id), 1);
  // Tuesday 24th: two working days past: the unit head's tier (the power company has none
  // above it in the demo city, so nobody more is told, but the step is recorded).
  sweep_on(6);
  ASSERT_EQ(power.Login("gdcollab").status, 200);
  EXPECT_EQ(EscalatedTiers(power.Get(path)),
            (std::vector<std::string>{"responsible", "unit_head"}));
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  EXPECT_EQ(CountNotes(coordinator, "escalated", "factor_request", id), 0);
  EXPECT_FALSE(Listed(coordinator, "factor_request", id, "coordinator"));
  // Friday 27th: five working days past: the coordinator.
  sweep_on(9);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  EXPECT_EQ(CountNotes(coordinator, "escalated", "factor_request", id), 1);
  EXPECT_TRUE(Listed(coordinator, "factor_request", id, "coordinator"));
  ASSERT_EQ(power.Login("gdcollab").status, 200);
  EXPECT_EQ(EscalatedTiers(power.Get(path)),
            (std::vector<std::string>{"responsible", "unit_head", "coordinator"}));
  // A factor request never reaches the leader's tier (supervision items do).
  sweep_on(20);
  ASSERT_EQ(power.Login("gdcollab").status, 200);
  EXPECT_EQ(EscalatedTiers(power.Get(path)).size(), 3U);
  // Each step is in the audit log.
  Client audit(*t.app);
  ASSERT_EQ(audit.Login("auditadmin").status, 200);
  Reply rows =
      audit.Get("/api/v1/audit?action=escalation.raise&object_type=factor_request&page_size=100");
  ASSERT_EQ(rows.status, 200) << rows.body;
  int steps = 0;
  for (const auto& r : rows.json.at("items").as_array())
    if (r.at("object_type").as_string() == "factor_request" &&
        r.at("object_id").as_string() == std::to_string(id))
      ++steps;
  EXPECT_EQ(steps, 3);
}

TEST(EscalationApi, ASupervisionItemRisesToTheUnitHeadThenCoordinatorAndLeader) {
  TestApp t;  // Wednesday 2026-11-18
  Client coordinator(*t.app), head(*t.app), leader(*t.app), staff(*t.app), other(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  Reply item = coordinator.Post(
      "/api/v1/supervision",
      json::object{{"subject_type", "unit"},
                   {"subject_id", UnitIdByCode(*t.app, "AQ-YX-TC")},  // 宜秀区投资促进中心
                   {"title", "线索研判滞后"},
                   {"instruction", "请说明本月超期未研判线索的原因"},
                   {"priority", "urgent"}});
  ASSERT_EQ(item.status, 201) << item.body;
  ASSERT_EQ(item.json.at("deadline").as_string(), "2026-11-23");  // Thu, Fri, Mon
  const int64_t id = item.json.at("id").as_int64();
  const std::string path = "/api/v1/supervision/" + std::to_string(id);
  // Wednesday 25th: two working days past: the head of 宜秀区 (the unit's parent) hears of it.
  t.clock.Set(kT0 + 7 * kDay);
  t.app->escalation().Sweep(t.clock.NowMs());
  ASSERT_EQ(head.Login("unithead").status, 200);
  EXPECT_EQ(CountNotes(head, "escalated", "supervision_item", id), 1);
  EXPECT_TRUE(Listed(head, "supervision_item", id, "unit_head"));
  ASSERT_EQ(staff.Login("yxpromoter").status, 200);
  EXPECT_EQ(CountNotes(staff, "overdue", "supervision_item", id), 1);
  // A unit head elsewhere does not see the step; a promoter sees none of the list's tiers above.
  ASSERT_EQ(other.Login("dgpromoter").status, 200);
  EXPECT_FALSE(Listed(other, "supervision_item", id, "unit_head"));
  // Monday 30th: five working days past: the coordinator and the leader.
  t.clock.Set(kT0 + 12 * kDay);
  t.app->escalation().Sweep(t.clock.NowMs());
  ASSERT_EQ(leader.Login("leader").status, 200);
  EXPECT_EQ(CountNotes(leader, "escalated", "supervision_item", id), 1);
  EXPECT_TRUE(Listed(leader, "supervision_item", id, "leader"));
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  Reply seen = coordinator.Get(path);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(EscalatedTiers(seen),
            (std::vector<std::string>{"responsible", "unit_head", "coordinator", "leader"}));
  // A reply stops the clock: no more steps on it.
  ASSERT_EQ(staff.Login("yxpromoter").status, 200);
  Reply replied = staff.Post(path + "/reply", json::object{{"version", seen.json.at("version")},
                                                           {"note", "已逐条说明原因"}});
  ASSERT_EQ(replied.status, 200) << replied.body;
  t.clock.Advance(kDay);
  t.app->escalation().Sweep(t.clock.NowMs());
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  EXPECT_EQ(EscalatedTiers(coordinator.Get(path)).size(), 4U);
}

TEST(EscalationApi, AnUnjudgedLeadGoesOntoTheNextOpenRoundAndThePromoterIsTold) {
  TestApp t;  // Wednesday 2026-11-18; the demo city's open round sits on 2026-12-10
  Client promoter(*t.app), coordinator(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  json::object lead = NewLead("自动议程测试项目", "安徽测试议程科技有限公司");
  lead["total_investment_yuan"] = int64_t{100'000'000};  // 1 亿元: 3 working days to judge
  lead["fixed_investment_yuan"] = int64_t{80'000'000};
  Reply created = promoter.Post("/api/v1/projects", lead);
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = created.json.at("id").as_int64();
  ASSERT_EQ(created.json.at("step_deadline").as_string(), "2026-11-23");
  t.clock.Set(kT0 + 6 * kDay);  // Tuesday 24th
  auto report = t.app->escalation().Sweep(t.clock.NowMs());
  EXPECT_GE(report.agenda, 1);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  Reply p = coordinator.Get("/api/v1/projects/" + std::to_string(id));
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json.at("stage").as_string(), "in_review");
  Reply rounds = coordinator.Get("/api/v1/review/rounds?status=open");
  ASSERT_EQ(rounds.status, 200) << rounds.body;
  const int64_t round = rounds.json.at("items").as_array().at(0).at("id").as_int64();
  Reply r = coordinator.Get("/api/v1/review/rounds/" + std::to_string(round));
  ASSERT_EQ(r.status, 200) << r.body;
  bool on = false;
  for (const auto& i : r.json.at("items").as_array())
    if (i.at("project_id").as_int64() == id) on = true;
  EXPECT_TRUE(on) << r.body;
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  EXPECT_EQ(CountNotes(promoter, "lead_on_agenda", "review_round", round, id), 1);
  // Once on the agenda it is not added again.
  t.clock.Advance(kDay);
  t.app->escalation().Sweep(t.clock.NowMs());
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  EXPECT_EQ(CountNotes(promoter, "lead_on_agenda", "review_round", round, id), 1);
}

TEST(EscalationApi, EachJobSlotRunsOnceAcrossSchedulers) {
  TestApp t;
  int sweeps = 0;
  jobs::Scheduler a(t.app->db(), t.clock, "a:1"), b(t.app->db(), t.clock, "b:2");
  for (auto* s : {&a, &b})
    s->Register(jobs::kClockSweep, [&sweeps](int64_t) {
      ++sweeps;
      return std::string();
    });
  // Over a simulated day in 5-minute steps, both schedulers look at every step.
  std::set<std::string> slots;
  int64_t now = kT0;
  for (int i = 0; i < 24 * 12; ++i, now += int64_t{5} * 60'000) {
    a.RunDue(now);
    b.RunDue(now);
    slots.insert(*jobs::SlotAt(*jobs::FindJob(jobs::kClockSweep), now));
  }
  EXPECT_GE(slots.size(), 96U);
  EXPECT_EQ(sweeps, static_cast<int>(slots.size()));  // one run per slot, whoever claimed it
}

TEST(EscalationApi, TheDailyDigestTellsThoseWithSomethingDue) {
  TestApp t;
  Client receiver(*t.app), trainer(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  ASSERT_EQ(trainer.Login("trainer").status, 200);
  const int sent = SendDigests(*t.app, t.clock.NowMs());
  EXPECT_GE(sent, 1);
  Reply mine = receiver.Get("/api/v1/notifications?page_size=100");
  int digests = 0;
  for (const auto& n : mine.json.at("items").as_array())
    if (n.at("kind").as_string() == "digest") {
      ++digests;
      const auto& d = n.at("detail").as_object();
      EXPECT_GE(d.at("overdue").as_int64() + d.at("due_soon").as_int64(), 1);
    }
  EXPECT_EQ(digests, 1);
  // Nothing on the trainer's workbench: no digest.
  Reply theirs = trainer.Get("/api/v1/notifications?page_size=100");
  for (const auto& n : theirs.json.at("items").as_array())
    EXPECT_NE(n.at("kind").as_string(), "digest");
  // Turned off, it is not sent.
  ASSERT_EQ(receiver
                .Put("/api/v1/notifications/preferences",
                     json::object{{"kinds", json::object{{"digest", false}}}})
                .status,
            200);
  SendDigests(*t.app, t.clock.NowMs());
  int after = 0;
  Reply again = receiver.Get("/api/v1/notifications?page_size=100");
  for (const auto& n : again.json.at("items").as_array())
    if (n.at("kind").as_string() == "digest") ++after;
  EXPECT_EQ(after, 1);
}

}  // namespace
}  // namespace zhaoshang::testing
