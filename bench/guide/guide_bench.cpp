// The guide's benchmarks (issue 13): Chinese search over 10 000 articles and policies and
// 100 000 questions and answers, and the policy matcher for a project over 10 000 policies.
// Prints the figures; asserts nothing. Usage: guide_bench DB_URL (sqlite:PATH or postgresql://…).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/config.hpp"
#include "zhaoshang/app/demo.hpp"
#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/db/migrations.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/policies/policies_store.hpp"
#include "zhaoshang/search/search_store.hpp"
#include "zhaoshang/training/training_rules.hpp"
#include "zhaoshang/training/training_store.hpp"

using namespace zhaoshang;
using Clock_ = std::chrono::steady_clock;

namespace {

// Words of the trade, two to four characters: the text is made of them, the queries too.
const char* const kWords[] = {
    "招商", "引资",   "园区", "用地", "厂房", "电价",   "用电",   "用水", "用工", "人才",
    "补贴", "税收",   "奖励", "政策", "协议", "签约",   "开工",   "投产", "产能", "产值",
    "亩均", "容积率", "环评", "能评", "规划", "许可",   "备案",   "审批", "融资", "贷款",
    "担保", "基金",   "研发", "专利", "技术", "设备",   "新能源", "汽车", "电池", "电机",
    "电控", "储能",   "光伏", "氢能", "化工", "材料",   "塑料",   "树脂", "纤维", "芯片",
    "封测", "传感器", "线束", "座舱", "物流", "仓储",   "冷链",   "电商", "数据", "算力",
    "医药", "器械",   "食品", "纺织", "装备", "机器人", "数控",   "模具", "铸造", "涂装",
    "总部", "结算",   "外资", "民营", "国企", "上市",   "龙头",   "链主", "配套", "供应商",
    "一级", "半径",   "集群", "生态", "洽谈", "考察",   "尽调",   "谈判", "合同", "条款",
    "违约", "退出",   "回购", "返还", "兑现", "流程",   "窗口",   "专班", "督办", "时限",
    "超期", "上报",   "协调", "保障", "要素", "水电气", "道路",   "管网", "安庆", "长三角",
    "上海", "合肥",   "苏州", "杭州", "南京", "深圳",   "宁波",   "无锡", "芜湖", "池州"};
constexpr size_t kWordCount = sizeof(kWords) / sizeof(kWords[0]);

std::string Sentence(std::mt19937& rng, int words) {
  std::uniform_int_distribution<size_t> w(0, kWordCount - 1);
  std::string s;
  for (int i = 0; i < words; ++i) {
    s += kWords[w(rng)];
    if (i % 7 == 6) s += "，";
  }
  return s + "。";
}

double Ms(Clock_::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

void Report(const char* name, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * ms.size()))]; };
  double sum = 0;
  for (double x : ms) sum += x;
  std::printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f |\n", name, ms.size(), sum / ms.size(),
              at(0.5), at(0.99), ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: guide_bench DB_URL\n");
    return 2;
  }
  SystemClock clock;
  Config cfg;
  cfg.db = argv[1];
  cfg.audit_key = "guide-bench-key-guide-bench-key-0123456789";
  auto db = db::Database::Open(cfg.db, 4);
  db::Migrate(*db, clock.NowMs());
  App app(cfg, std::move(db), clock);
  LoadDemo(app);
  std::mt19937 rng(4754);

  // --- The search index: 5 000 articles, 5 000 policies, 100 000 Q&A. -------------------------
  auto t0 = Clock_::now();
  {
    auto c = app.db().Acquire();
    const struct {
      const char* kind;
      int count, sentences, words;
    } kinds[] = {{"article", 5000, 20, 20}, {"policy", 5000, 10, 20}, {"qa", 100000, 3, 14}};
    int64_t id = 1'000'000;
    for (const auto& k : kinds) {
      for (int i = 0; i < k.count; i += 1000) {
        db::Transaction tx(*c, true);
        for (int j = i; j < std::min(k.count, i + 1000); ++j) {
          std::string body;
          for (int s = 0; s < k.sentences; ++s) body += Sentence(rng, k.words);
          search::store::Put(*c, {k.kind, ++id, Sentence(rng, 4), body, clock.NowMs()});
        }
        tx.Commit();
      }
    }
  }
  std::printf("# %s: indexed 110 000 documents in %.1f s\n", argv[1],
              Ms(Clock_::now() - t0) / 1000);
  // The statistics a running installation's autovacuum keeps (the planner's estimates).
  if (app.db().dialect() == db::Dialect::kPostgres) app.db().Acquire()->ExecScript("ANALYZE");
  // The bench reads every kind: the Q&A kind as the guide's.
  app.search().AddKind({"qa", "guide.read", nullptr});
  auth::Principal reader;
  reader.user_id = 1;
  reader.roles = {"promoter"};

  std::printf("\n| query | n | mean ms | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
  std::uniform_int_distribution<size_t> w(0, kWordCount - 1);
  auto run = [&](const char* name, auto make_query, int n) {
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
      const std::string q = make_query();
      auto s = Clock_::now();
      auto r = app.search().Search(reader, q, {}, 20);
      ms.push_back(Ms(Clock_::now() - s));
      if (!r) std::fprintf(stderr, "query %s: %s\n", q.c_str(), r.error().message.c_str());
    }
    Report(name, ms);
  };
  auto two = [&] {
    for (;;) {
      std::string s = kWords[w(rng)];
      if (s.size() == 6) return s;
    }
  };
  run("two characters (招商)", two, 2000);
  run(
      "three or four characters (新能源)",
      [&] {
        for (;;) {
          std::string s = kWords[w(rng)];
          if (s.size() > 6) return s;
        }
      },
      2000);
  run(
      "two words (电池 用地)", [&] { return two() + " " + two(); }, 2000);
  run(
      "a phrase of two words (电池用地)", [&] { return two() + two(); }, 2000);
  run(
      "one character (prefix of its pairs)", [&] { return two().substr(0, 3); }, 200);

  // --- The matcher: 10 000 policies. ---------------------------------------------------------
  {
    auto c = app.db().Acquire();
    std::vector<int64_t> units;
    for (const auto& u : org::store::ListUnits(*c)) units.push_back(u.id);
    const char* const codes[] = {"C",    "36",   "361", "3612", "3670", "384", "3841", "26",
                                 "2614", "2651", "39",  "27",   "I",    "65",  "M"};
    std::uniform_int_distribution<size_t> code(0, std::size(codes) - 1);
    std::uniform_int_distribution<size_t> unit(0, units.size() - 1);
    std::uniform_int_distribution<int> pct(0, 99);
    for (int i = 0; i < 10000; i += 1000) {
      db::Transaction tx(*c, true);
      for (int j = i; j < i + 1000; ++j) {
        policies::Policy p;
        p.title = "基准政策 " + std::to_string(j);
        p.issuer = "基准机关";
        p.level = policies::kLevels[j % 5].data();
        p.effective_from = "2025-01-01";
        if (pct(rng) < 50) p.expires_on = "2028-12-31";
        p.owner_unit_id = units[unit(rng)];
        for (int k = pct(rng) % 3; k > 0; --k)
          p.conditions.industry_codes.push_back(codes[code(rng)]);
        if (pct(rng) < 60) p.conditions.min_investment_yuan = int64_t(pct(rng) + 1) * 10'000'000;
        if (pct(rng) < 30) p.conditions.location_unit_ids.push_back(units[unit(rng)]);
        p.conditions.land = pct(rng) < 20 ? "needs_land" : "any";
        p.grants.push_back({"subsidy", 10, 5'000'000, "补助"});
        p.summary = Sentence(rng, 20);
        p.created_at = p.updated_at = clock.NowMs();
        policies::store::Insert(*c, p);
      }
      tx.Commit();
    }
  }
  std::vector<int64_t> units;
  {
    auto c = app.db().Acquire();
    for (const auto& u : org::store::ListUnits(*c)) units.push_back(u.id);
  }
  std::uniform_int_distribution<size_t> unit(0, units.size() - 1);
  const char* const leads[] = {"3612", "3670", "3841", "2614", "2651", "6511"};
  std::vector<double> ms;
  double first = 0;
  for (int i = 0; i < 1000; ++i) {
    policies::LeadFacts f;
    f.industry_code = leads[i % std::size(leads)];
    f.total_investment = int64_t(i % 50 + 1) * 50'000'000;
    f.land_mu_x100 = i % 3 ? 5000 : 0;
    f.unit_id = units[unit(rng)];
    auto s = Clock_::now();
    auto r = app.policies().MatchLead(f);
    const double t = Ms(Clock_::now() - s);
    if (i == 0)
      first = t;  // reads the policies in force into the cache
    else
      ms.push_back(t);
    if (!r) std::fprintf(stderr, "match: %s\n", r.error().message.c_str());
  }
  std::printf(
      "\n| matcher over 10 010 policies | n | mean ms | p50 ms | p99 ms | max ms |\n"
      "|---|---|---|---|---|---|\n");
  Report("a lead's facts (cache warm)", ms);
  std::printf("# first call (reads the policies in force): %.1f ms\n", first);

  // --- Grading (the pure rule only; the quiz routes come with training). ----------------------
  {
    using namespace training;
    std::vector<Question> bank;
    for (int i = 0; i < 100; ++i) {
      Question q;
      q.id = i + 1;
      q.kind = i % 3 == 0   ? QuestionKind::kMultiple
               : i % 3 == 1 ? QuestionKind::kSingle
                            : QuestionKind::kTrueFalse;
      q.stem = Sentence(rng, 8);
      const int n = q.kind == QuestionKind::kTrueFalse ? 2 : 4;
      for (int k = 0; k < n; ++k)
        q.options.push_back(
            {k + 1, Sentence(rng, 2), q.kind == QuestionKind::kMultiple ? k < 2 : k == 0});
      q.points = q.kind == QuestionKind::kMultiple ? 4 : 2;
      bank.push_back(std::move(q));
    }
    constexpr int kAttempts = 100'000;
    std::uniform_int_distribution<int> pick(1, 4);
    double total = 0;
    int passed = 0;
    for (int a = 0; a < kAttempts; ++a) {
      const auto paper = DrawPaper(bank, 20, static_cast<uint64_t>(a));
      std::vector<Answer> answers;
      for (const auto& q : paper) answers.push_back({q.id, {pick(rng)}});
      auto s = Clock_::now();
      passed += GradeAttempt(paper, answers, QuizRules{}).passed;
      total += Ms(Clock_::now() - s);
    }
    std::printf(
        "\n# grading a 20-question paper (pure GradeAttempt): %.0f attempts/s (%d of %d "
        "passed)\n",
        kAttempts / (total / 1000), passed, kAttempts);
  }

  // --- Handing in a quiz: CourseService::Submit (the paper read back, graded, the answers and
  // the grade written durably with the audit row; a pass issues the certificate). 2 000 open
  // attempts of the demo's basic course (12 questions) are written straight to the store for
  // one promoter, then handed in one after the other, half right, half wrong.
  {
    using namespace training;
    const auth::Principal who = DemoPrincipal(app, "szpromoter");
    int64_t course = 0;
    for (const auto& v : app.courses().List(who))
      if (v.course.title == "招商引资应知应会（基础）") course = v.course.id;
    constexpr int kHandIns = 2000, kThreads = 4;
    std::vector<Attempt> open;
    {
      auto c = app.db().Acquire();
      db::Transaction tx(*c, true);
      const auto bank = store::Bank(*c, course);
      for (int i = 0; i < 2 * kHandIns; ++i) {
        Attempt at;
        at.course_id = course;
        at.user_id = who.user_id;
        at.number = i + 1;
        at.paper = DrawPaper(bank, 0, static_cast<uint64_t>(i));
        at.started_at = clock.NowMs();
        at.id = store::InsertAttempt(*c, at);
        open.push_back(std::move(at));
      }
      tx.Commit();
    }
    const Actor actor{who.user_id, who.login, who.unit_name, "bench", "bench"};
    std::vector<double> ms;
    int passed = 0;
    const auto start = Clock_::now();
    for (int i = 0; i < kHandIns; ++i) {
      std::vector<Answer> answers;
      for (const auto& q : open[i].paper) {
        Answer a{q.id, {}};
        for (const auto& o : q.options)
          if (o.correct == (i % 2 == 0)) {
            a.chosen.push_back(o.id);
            if (i % 2 == 1) break;  // one wrong option
          }
        answers.push_back(std::move(a));
      }
      auto s = Clock_::now();
      auto r = app.courses().Submit(who, open[i].id, std::move(answers), actor);
      ms.push_back(Ms(Clock_::now() - s));
      if (!r) std::fprintf(stderr, "hand-in: %s\n", r.error().message.c_str());
      passed += r && r->grade && r->grade->passed;
    }
    const double secs = Ms(Clock_::now() - start) / 1000;
    std::printf(
        "\n| hand-in | n | mean ms | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    Report("CourseService::Submit, 12 questions", ms);
    std::printf("# %.0f hand-ins/s, one after the other (%d passed)\n", kHandIns / secs, passed);
    // The other 2 000 from four threads at once, as the server's workers would.
    std::atomic<int> failed{0};
    const auto together = Clock_::now();
    std::vector<std::thread> workers;
    for (int w = 0; w < kThreads; ++w)
      workers.emplace_back([&, w] {
        for (int i = kHandIns + w; i < 2 * kHandIns; i += kThreads) {
          std::vector<Answer> answers;
          for (const auto& q : open[i].paper) answers.push_back({q.id, {1}});
          if (!app.courses().Submit(who, open[i].id, std::move(answers), actor)) ++failed;
        }
      });
    for (auto& t : workers) t.join();
    std::printf("# %.0f hand-ins/s from %d threads (%d failed)\n",
                kHandIns / (Ms(Clock_::now() - together) / 1000), kThreads, failed.load());
  }
  return 0;
}
