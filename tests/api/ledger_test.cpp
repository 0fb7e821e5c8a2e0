// The in-memory ledger against the SQL ledger it replaces, on SQLite and PostgreSQL: the same
// pages and totals for many filters and scopes, and every kind of write seen at once, also by
// a second server process on the same database.
#include <random>

#include "support/test_env.hpp"
#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/pipeline/ledger.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"

namespace zhaoshang::testing {
namespace {
using pipeline::ProjectFilter;
using pipeline::ProjectScope;

std::vector<int64_t> Ids(const std::vector<pipeline::Project>& v) {
  std::vector<int64_t> out;
  out.reserve(v.size());
  for (const auto& p : v) out.push_back(p.id);
  return out;
}

// Compares the index's page and total with the SQL ledger for one scope + filter.
void ExpectSame(App& app, const ProjectScope& scope, const ProjectFilter& f,
                const std::string& what) {
  auto c = app.db().Acquire();
  int64_t sql_total = -1, index_total = -2;
  auto sql = Ids(pipeline::store::List(*c, scope, f, &sql_total));
  auto ids = app.projects().ledger().Page(*c, scope, f, &index_total);
  ASSERT_TRUE(ids.has_value()) << what;
  EXPECT_EQ(*ids, sql) << what;
  EXPECT_EQ(index_total, sql_total) << what;
  auto rows = Ids(app.projects().ledger().Rows(*c, *ids));
  EXPECT_EQ(rows, *ids) << what;
  EXPECT_EQ(app.projects().ledger().CountByStage(*c, scope, f).value(),
            pipeline::store::CountByStage(*c, scope, f))
      << what;
}

// Random filters drawn from the values the demo data holds.
struct FilterDraw {
  std::mt19937 rng{20261129};
  std::vector<pipeline::Project> all;
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); }
  const pipeline::Project& Any() {
    return all[static_cast<size_t>(Pick(static_cast<int>(all.size())))];
  }

  ProjectFilter Next() {
    static constexpr const char* kStages[] = {
        "lead",         "in_review",  "approved", "negotiating", "signed",
        "construction", "production", "rejected", "shelved",     "lost"};
    static constexpr const char* kSorts[] = {"created_at", "total_investment", "stage_since",
                                             "step_deadline"};
    ProjectFilter f;
    if (Pick(2)) {
      f.stages.push_back(kStages[Pick(10)]);
      if (Pick(2)) f.stages.push_back(kStages[Pick(10)]);
    }
    if (Pick(3) == 0) {
      const std::string code = Any().industry_code;
      int level = 1 + Pick(4);
      if (level == 1 || !std::isdigit(static_cast<unsigned char>(code[0]))) {
        f.industry_code = Any().industry_section.empty() ? "C" : Any().industry_section;
        f.industry_level = 1;
      } else {
        size_t len = std::min<size_t>(code.size(), static_cast<size_t>(level));  // 2, 3 or 4
        f.industry_code = code.substr(0, std::max<size_t>(2, len));
        f.industry_level = static_cast<int>(f.industry_code.size());
      }
    }
    if (Pick(4) == 0) f.leading_industry_id = Any().leading_industry_id.value_or(1);
    if (Pick(4) == 0) f.district_id = Any().district_id.value_or(1);
    if (Pick(4) == 0) f.park_id = Any().receiving_unit_id.value_or(1);
    if (Pick(5) == 0) f.promoter_id = Any().promoter_id;
    if (Pick(5) == 0) f.reporting_units = std::set<int64_t>{Any().reporting_unit_id};
    if (Pick(3) == 0) f.bands = {Pick(6), Pick(6)};
    if (Pick(4) == 0) f.reported_from_ms = Any().created_at;
    if (Pick(4) == 0) f.reported_to_ms = Any().created_at + 1;
    if (Pick(5) == 0) f.signed_from = Any().signing_date.value_or("2025-01-01");
    if (Pick(5) == 0) f.signed_to = Any().signing_date.value_or("2026-12-31");
    if (Pick(4) == 0) f.overdue_before = "2026-12-01";
    f.sort = kSorts[Pick(4)];
    f.ascending = Pick(2);
    f.limit = 1 + Pick(30);
    f.offset = Pick(3) == 0 ? Pick(60) : 0;
    return f;
  }
};

std::vector<ProjectScope> Scopes(App& app, const std::vector<pipeline::Project>& all) {
  ProjectScope everyone;
  everyone.kind = ProjectScope::Kind::kAll;
  ProjectScope self;
  self.kind = ProjectScope::Kind::kSelf;
  self.user_id = UserIdByLogin(app, "promoter");
  ProjectScope units;
  units.kind = ProjectScope::Kind::kUnits;
  for (size_t i = 0; i < all.size(); i += 17) {
    units.units.insert(all[i].reporting_unit_id);
    if (all[i].receiving_unit_id) units.units.insert(*all[i].receiving_unit_id);
  }
  return {everyone, self, units};
}

std::vector<pipeline::Project> Everything(App& app) {
  auto c = app.db().Acquire();
  ProjectScope all;
  all.kind = ProjectScope::Kind::kAll;
  ProjectFilter f;
  f.limit = 100000;
  return pipeline::store::List(*c, all, f, nullptr);
}

TEST(Ledger, AnswersLikeTheSqlLedgerForRandomFiltersAndScopes) {
  TestApp t;
  FilterDraw draw;
  draw.all = Everything(*t.app);
  ASSERT_GT(draw.all.size(), 100u);
  auto scopes = Scopes(*t.app, draw.all);
  int nonempty = 0;
  for (int i = 0; i < 400; ++i) {
    ProjectFilter f = draw.Next();
    const auto& scope = scopes[static_cast<size_t>(i) % scopes.size()];
    ExpectSame(*t.app, scope, f, "filter #" + std::to_string(i));
    auto c = t.app->db().Acquire();
    int64_t total = 0;
    t.app->projects().ledger().Page(*c, scope, f, &total);
    nonempty += total > 0;
  }
  // An id filter of 0 matches nothing in SQL (empty columns are NULL there, 0 in the index).
  for (auto set : {&ProjectFilter::district_id, &ProjectFilter::park_id,
                   &ProjectFilter::leading_industry_id}) {
    ProjectFilter zero;
    zero.*set = 0;
    ExpectSame(*t.app, scopes[0], zero, "id filter 0");
  }
  // The draw must exercise real matches, not only empty results.
  EXPECT_GT(nonempty, 100);
  EXPECT_EQ(t.app->projects().ledger().stats().entries, draw.all.size());
}

TEST(Ledger, SeesEveryWriteAtOnceAndSoDoesASecondProcess) {
  TestApp t;
  // A second server on the same database, with its own in-memory ledger.
  Config cfg;
  cfg.db = t.tdb.url();
  cfg.access_log = false;
  App other(cfg, db::Database::Open(cfg.db, 2), t.clock);
  ProjectScope all;
  all.kind = ProjectScope::Kind::kAll;
  ProjectFilter newest;
  newest.limit = 5;
  auto first_id = [&](App& app) {
    auto c = app.db().Acquire();
    int64_t total = 0;
    auto ids = app.projects().ledger().Page(*c, all, newest, &total);
    return std::make_pair(ids->empty() ? int64_t(0) : ids->front(), total);
  };
  auto [before_id, before_total] = first_id(other);

  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  t.clock.Advance(60'000);
  auto created = promoter.Post("/api/v1/projects",
                               boost::json::object{{"name", "台账一致性测试项目"},
                                                   {"investor_name", "杭州测试台账科技有限公司"},
                                                   {"industry_code", "3612"},
                                                   {"total_investment_yuan", int64_t(600'000'000)},
                                                   {"fixed_investment_yuan", int64_t(400'000'000)},
                                                   {"source_channel", "online"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = created.json.at("id").as_int64();
  for (App* app : {t.app.get(), &other}) {
    auto [top, total] = first_id(*app);
    EXPECT_EQ(top, id);
    EXPECT_EQ(total, before_total + 1);
  }
  EXPECT_NE(before_id, id);

  // A rename shows in cached rows of both processes.
  auto c = t.app->db().Acquire();
  const int64_t unit = *c->QueryInt("SELECT reporting_unit_id FROM projects WHERE id = ?", {id});
  for (App* app : {t.app.get(), &other}) app->projects().ledger().Rows(*c, {id});
  Client admin(*t.app);
  ASSERT_EQ(admin.Login("sysadmin").status, 200);
  auto units = admin.Get("/api/v1/org/units");
  ASSERT_EQ(units.status, 200) << units.body;
  boost::json::value version;
  for (const auto& u : units.json.at("items").as_array())
    if (u.at("id").as_int64() == unit) version = u.at("version");
  auto renamed = admin.Patch("/api/v1/org/units/" + std::to_string(unit),
                             boost::json::object{{"name", "改名后的单位"}, {"version", version}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  for (App* app : {t.app.get(), &other}) {
    auto lease = app->db().Acquire();
    app->projects().ledger().Page(*lease, all, newest, nullptr);
    auto rows = app->projects().ledger().Rows(*lease, {id});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].reporting_unit_name, "改名后的单位");
  }

  // A change whose transaction rolled back leaves a hole in the feed on PostgreSQL; a later
  // change must still show at once.
  {
    db::Transaction tx(*c, true);
    db::RecordChange(*c, id);
  }
  {
    db::Transaction tx(*c, true);
    c->Execute(
        "UPDATE projects SET total_investment = 7770000000, investment_band = 5 WHERE id = ?",
        {id});
    db::RecordChange(*c, id);
    tx.Commit();
  }
  ProjectFilter biggest;
  biggest.sort = "total_investment";
  biggest.limit = 1;
  for (App* app : {t.app.get(), &other}) {
    auto lease = app->db().Acquire();
    auto ids = app->projects().ledger().Page(*lease, all, biggest, nullptr);
    ASSERT_EQ(ids->size(), 1u);
    EXPECT_EQ(ids->front(), id);
    ExpectSame(*app, all, biggest, "after the rollback hole");
  }
}

TEST(Ledger, TextSearchAndNameSortStayWithSql) {
  TestApp t;
  auto c = t.app->db().Acquire();
  ProjectScope all;
  all.kind = ProjectScope::Kind::kAll;
  ProjectFilter f;
  f.q = "科技";
  EXPECT_FALSE(t.app->projects().ledger().Page(*c, all, f, nullptr).has_value());
  f.q.clear();
  f.sort = "name";
  EXPECT_FALSE(t.app->projects().ledger().Page(*c, all, f, nullptr).has_value());
}

}  // namespace
}  // namespace zhaoshang::testing
