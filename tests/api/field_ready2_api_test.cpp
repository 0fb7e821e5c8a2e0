// Issue 11, items 3, 5, 7, 8 and 9 through App::Handle on SQLite and PostgreSQL: the board's
// paged columns with each card's moves, the confirmed collision (撞单确认), the audit log in
// names and its export, the action table in the docs, empty park profiles ranked last, and
// the forced password change of an account an administrator created.
#include <fstream>

#include "support/test_env.hpp"
#include "zhaoshang/audit/audit_actions.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

std::string Id(int64_t v) { return std::to_string(v); }

const json::array& Columns(const Reply& r) { return r.json.at("columns").as_array(); }

const json::value* Card(const Reply& board, int64_t id) {
  for (const auto& col : Columns(board))
    for (const auto& item : col.at("items").as_array())
      if (item.at("id").as_int64() == id) return &item;
  return nullptr;
}

std::vector<std::string> Moves(const json::value& card) {
  std::vector<std::string> out;
  for (const auto& t : card.at("capabilities").at("transitions").as_array())
    out.emplace_back(t.at("to").as_string());
  return out;
}

// ---------------------------------------------------------------- board (item 7)

TEST(BoardApi, EachColumnPagesAndEachCardCarriesTheMovesTheServerAllows) {
  TestApp t;
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply made =
      promoter.Post("/api/v1/projects", NewLead("看板能力测试", "看板能力测试科技有限公司"));
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t id = made.json.at("id").as_int64();

  // Without `with` the rows stay as cheap as the ledger's.
  Reply plain = promoter.Get("/api/v1/projects/board?stage=lead");
  ASSERT_EQ(plain.status, 200) << plain.body;
  ASSERT_EQ(Columns(plain).size(), 1u);
  ASSERT_NE(Card(plain, id), nullptr);
  EXPECT_FALSE(Card(plain, id)->as_object().contains("capabilities"));

  Reply board = promoter.Get("/api/v1/projects/board?stage=lead&with=capabilities");
  ASSERT_EQ(board.status, 200) << board.body;
  const json::value* card = Card(board, id);
  ASSERT_NE(card, nullptr);
  // The same moves as the project's own page: the promoter submits, shelves or drops it.
  Reply detail = promoter.Get("/api/v1/projects/" + Id(id));
  EXPECT_EQ(card->at("capabilities"), detail.json.at("capabilities"));
  std::vector<std::string> moves = Moves(*card);
  EXPECT_NE(std::find(moves.begin(), moves.end(), "in_review"), moves.end());
  EXPECT_EQ(std::find(moves.begin(), moves.end(), "approved"), moves.end());

  // A leader reads everything and moves nothing.
  Client leader(*t.app);
  ASSERT_EQ(leader.Login("leader").status, 200);
  Reply seen = leader.Get("/api/v1/projects/board?with=capabilities&page_size=200");
  ASSERT_EQ(seen.status, 200);
  for (const auto& col : Columns(seen))
    for (const auto& item : col.at("items").as_array())
      EXPECT_TRUE(item.at("capabilities").at("transitions").as_array().empty());

  // The coordinator: an approved card may not move to 洽谈中 by dragging (routing only), a card
  // in review may be approved, rejected or returned.
  Client coord(*t.app);
  ASSERT_EQ(coord.Login("coordinator").status, 200);
  Reply all = coord.Get("/api/v1/projects/board?with=capabilities&page_size=5");
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(Columns(all).size(), 10u);
  for (const auto& col : Columns(all)) {
    EXPECT_LE(col.at("items").as_array().size(), 5u);
    for (const auto& item : col.at("items").as_array()) {
      auto m = Moves(item);
      if (col.at("stage") == "approved") {
        EXPECT_EQ(std::find(m.begin(), m.end(), "negotiating"), m.end()) << item.at("name");
      }
      if (col.at("stage") == "in_review") {
        EXPECT_NE(std::find(m.begin(), m.end(), "approved"), m.end());
        EXPECT_NE(std::find(m.begin(), m.end(), "rejected"), m.end());
      }
    }
  }

  // One column, page by page: the pages join up to the count without repeats.
  Reply first = coord.Get("/api/v1/projects/board?stage=negotiating&page=1&page_size=7");
  ASSERT_EQ(first.status, 200);
  const int64_t count = Columns(first).at(0).at("count").as_int64();
  ASSERT_GT(count, 7);
  std::set<int64_t> ids;
  for (int page = 1; static_cast<int64_t>(ids.size()) < count && page < 50; ++page) {
    Reply r = coord.Get("/api/v1/projects/board?stage=negotiating&page_size=7&page=" +
                        std::to_string(page));
    const auto& items = Columns(r).at(0).at("items").as_array();
    ASSERT_FALSE(items.empty()) << "page " << page;
    for (const auto& item : items) EXPECT_TRUE(ids.insert(item.at("id").as_int64()).second);
  }
  EXPECT_EQ(static_cast<int64_t>(ids.size()), count);

  EXPECT_EQ(coord.Get("/api/v1/projects/board?with=everything").Field("with"), "invalid_value");
  EXPECT_EQ(coord.Get("/api/v1/projects/board?page_size=0").Field("page_size"), "invalid_value");
}

TEST(BoardApi, AReceiverSeesTheMovesOfItsParksProjectsOnly) {
  TestApp t;
  Client receiver(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  Reply board = receiver.Get("/api/v1/projects/board?stage=negotiating&with=capabilities");
  ASSERT_EQ(board.status, 200) << board.body;
  int checked = 0;
  for (const auto& item : Columns(board).at(0).at("items").as_array()) {
    Reply detail = receiver.Get("/api/v1/projects/" + Id(item.at("id").as_int64()));
    ASSERT_EQ(detail.status, 200);
    EXPECT_EQ(item.at("capabilities"), detail.json.at("capabilities")) << item.at("name");
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

// ---------------------------------------------------------------- collisions (item 5)

TEST(CollisionApi, ANewLeadOfAReportedInvestorNeedsConfirmingAndIsListedForTheCoordinator) {
  TestApp t;
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  const std::string investor = "上海申能动力电池有限公司";  // reported by 宜秀区 in the demo
  Reply hint =
      promoter.Post("/api/v1/projects/collision-check", json::object{{"investor_name", investor}});
  ASSERT_EQ(hint.json.at("hits").as_array().size(), 1u);
  const int64_t hit = hint.json.at("hits").at(0).at("project_id").as_int64();

  json::object lead = NewLead("申能二期电池项目", investor);
  Reply refused = promoter.Post("/api/v1/projects", lead);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Field("collision_confirmed"), "confirm_required");
  // The client cannot tell the server which projects it saw.
  json::object forged = lead;
  forged["collision_confirmed"] = true;
  forged["collision_hit_ids"] = json::array{1, 2};
  EXPECT_EQ(promoter.Post("/api/v1/projects", forged).Field("collision_hit_ids"), "unknown_field");
  EXPECT_EQ(promoter
                .Post("/api/v1/projects",
                      [&] {
                        json::object o = lead;
                        o["collision_confirmed"] = "yes";
                        return o;
                      }())
                .Field("collision_confirmed"),
            "wrong_type");

  lead["collision_confirmed"] = true;
  Reply made = promoter.Post("/api/v1/projects", lead);
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t id = made.json.at("id").as_int64();
  // A lead without a collision needs no confirmation, and a confirmation without one is
  // nothing to record.
  json::object fresh = NewLead("无撞单项目", "从未报送过的投资方有限公司");
  fresh["collision_confirmed"] = true;
  ASSERT_EQ(promoter.Post("/api/v1/projects", fresh).status, 201);

  Client coord(*t.app);
  ASSERT_EQ(coord.Login("coordinator").status, 200);
  Reply list = coord.Get("/api/v1/projects/collisions");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& items = list.json.at("items").as_array();
  ASSERT_FALSE(items.empty());
  const auto& top = items.at(0);  // the latest confirmed first
  EXPECT_EQ(top.at("project").at("project_id").as_int64(), id);
  EXPECT_EQ(top.at("project").at("reporting_unit_name").as_string(), "驻上海招商组");
  EXPECT_EQ(top.at("confirmed_by_name").as_string(), "张伟");
  ASSERT_EQ(top.at("hits").as_array().size(), 1u);
  EXPECT_EQ(top.at("hits").at(0).at("project_id").as_int64(), hit);
  EXPECT_EQ(top.at("hits").at(0).at("reporting_unit_name").as_string(), "宜秀区投资促进中心");
  EXPECT_EQ(top.at("hits").at(0).at("match").as_string(), "name");
  for (const auto& item : items) EXPECT_NE(item.at("project").at("name").as_string(), "无撞单项目");

  auto c = t.app->db().Acquire();
  auto diff = c->Query(
      "SELECT diff FROM audit_log WHERE action = 'project.create' AND object_id = ?", {Id(id)});
  ASSERT_EQ(diff.size(), 1u);
  EXPECT_NE(diff[0].Text(0).find("\"collision_confirmed\""), std::string::npos) << diff[0].Text(0);
  EXPECT_NE(diff[0].Text(0).find(Id(hit)), std::string::npos);

  // Only the coordinator lists them.
  EXPECT_EQ(promoter.Get("/api/v1/projects/collisions").status, 403);
  EXPECT_EQ(coord.Get("/api/v1/projects/collisions?page_size=500").Field("page_size"),
            "invalid_value");
}

// ---------------------------------------------------------------- audit in words (item 8)

TEST(AuditNamesApi, RowsNameTheActorAndTheObjectAndFilterByObject) {
  TestApp t;
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply made = promoter.Post("/api/v1/projects", NewLead("审计名称项目", "审计名称测试有限公司"));
  ASSERT_EQ(made.status, 201);
  const int64_t id = made.json.at("id").as_int64();
  Client aud(*t.app);
  ASSERT_EQ(aud.Login("auditadmin").status, 200);
  Reply r = aud.Get("/api/v1/audit?object_type=project&object_id=" + Id(id));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.at("total").as_int64(), 1);
  const auto& row = r.json.at("items").at(0);
  EXPECT_EQ(row.at("action").as_string(), "project.create");
  EXPECT_EQ(row.at("actor_name").as_string(), "张伟");
  EXPECT_EQ(row.at("object_name").as_string(), "审计名称项目");
  // Logins name the person; a failed login of an unknown account names nobody.
  Client ghost(*t.app);
  ghost.Login("nobody-here", "Wrong@2026");
  Reply logins = aud.Get("/api/v1/audit?action=auth.login&actor=promoter");
  ASSERT_GE(logins.json.at("total").as_int64(), 1);
  EXPECT_EQ(logins.json.at("items").at(0).at("object_name").as_string(), "张伟");
  Reply failed = aud.Get("/api/v1/audit?action=auth.login_failed");
  ASSERT_EQ(failed.json.at("total").as_int64(), 1);
  EXPECT_EQ(failed.json.at("items").at(0).at("object_name").as_string(), "");
  EXPECT_EQ(failed.json.at("items").at(0).at("actor_name").as_string(), "");

  Reply actions = aud.Get("/api/v1/audit/actions");
  ASSERT_EQ(actions.status, 200);
  ASSERT_EQ(actions.json.at("items").as_array().size(), audit::Actions().size());
  bool transition = false;
  for (const auto& a : actions.json.at("items").as_array())
    transition |= a.at("code") == "project.transition" && a.at("group") == "business" &&
                  a.at("object_type") == "project";
  EXPECT_TRUE(transition);
  EXPECT_FALSE(actions.json.at("object_types").as_array().empty());
  EXPECT_EQ(promoter.Get("/api/v1/audit/actions").status, 403);
}

TEST(AuditNamesApi, TheExportIsAWorkbookOfTheFilteredRowsAndIsItselfAudited) {
  TestApp t;
  Client aud(*t.app);
  ASSERT_EQ(aud.Login("auditadmin").status, 200);
  Reply x = aud.Get("/api/v1/audit/export.xlsx?action=auth.login");
  ASSERT_EQ(x.status, 200) << x.body;
  EXPECT_EQ(x.body.substr(0, 2), "PK");  // a zip container
  EXPECT_NE(x.Header("Content-Disposition").find("filename*=UTF-8''"), std::string::npos);
  Reply logged = aud.Get("/api/v1/audit?action=audit.export");
  ASSERT_EQ(logged.json.at("total").as_int64(), 1);
  const auto& row = logged.json.at("items").at(0);
  EXPECT_EQ(row.at("actor_login").as_string(), "auditadmin");
  EXPECT_EQ(row.at("diff").at("query").at("to").as_string(), "?action=auth.login");
  EXPECT_EQ(aud.Get("/api/v1/audit/export.xlsx?from=yesterday").Field("from"), "invalid_value");
  Client coord(*t.app);
  ASSERT_EQ(coord.Login("coordinator").status, 200);
  EXPECT_EQ(coord.Get("/api/v1/audit/export.xlsx").status, 403);
}

// docs/api.md lists the action codes word for word (the web's translation test reads it).
TEST(AuditNamesApi, TheActionTableInTheDocsIsTheServers) {
  std::string expected = "| action | object | group | 中文 |\n|---|---|---|---|\n";
  for (const auto& a : audit::Actions())
    expected += "| `" + std::string(a.code) + "` | " + std::string(a.object_type) + " | " +
                std::string(audit::ActionGroupName(a.group)) + " | " + std::string(a.name_zh) +
                " |\n";
  std::ifstream in(std::string(ZS_SOURCE_DIR) + "/docs/api.md");
  ASSERT_TRUE(in) << "docs/api.md not found";
  std::string line, table;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "<!-- audit-actions:end -->") break;
    if (inside) table += line + "\n";
    if (line == "<!-- audit-actions:begin -->") inside = true;
  }
  EXPECT_EQ(table, expected) << "replace the table in docs/api.md with:\n" << expected;
}

// ---------------------------------------------------------------- park ranking (item 9)

TEST(ParkRankingApi, DistrictsWithEmptyProfilesRankBelowEveryRealPark) {
  TestApp t;
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  // A project that needs nothing but its industry: before, an empty profile scored 60 %.
  Reply r = promoter.Post("/api/v1/matching/preview", json::object{{"industry_code", "0111"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& items = r.json.at("items").as_array();
  ASSERT_EQ(items.size(), 8u);
  bool seen_empty = false;
  int empties = 0;
  for (const auto& f : items) {
    const bool empty = f.at("profile_empty").as_bool();
    if (empty) {
      ++empties;
      seen_empty = true;
      EXPECT_EQ(f.at("score").as_int64(), 0) << f.at("unit_name");
      EXPECT_EQ(f.at("components").at(0).at("reasons").at(0).at("code"), "industry_unknown");
      EXPECT_TRUE(f.at("components").at(0).at("unknown").as_bool());
    } else if (!f.at("excluded").as_bool()) {
      EXPECT_FALSE(seen_empty) << f.at("unit_name") << " ranked below an empty profile";
    }
  }
  EXPECT_EQ(empties, 3);  // 迎江区, 大观区, 宜秀区
}

// ---------------------------------------------------------------- first login (item 3)

TEST(FirstLoginApi, AnAccountAnAdministratorCreatedMustChooseItsOwnPassword) {
  TestApp t;
  Client sys(*t.app);
  ASSERT_EQ(sys.Login("sysadmin").status, 200);
  Reply made = sys.Post("/api/v1/users", json::object{{"login", "newstaff"},
                                                      {"name", "新同事"},
                                                      {"unit_id", UnitIdByCode(*t.app, "AQ-YX")},
                                                      {"password", "Init#2026x"}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_TRUE(made.json.at("must_change_password").as_bool());
  Client sec(*t.app);
  ASSERT_EQ(sec.Login("secadmin").status, 200);
  ASSERT_EQ(sec.Put("/api/v1/users/" + Id(made.json.at("id").as_int64()) + "/roles",
                    json::object{{"roles", json::array{"promoter"}}, {"version", 1}})
                .status,
            200);

  Client staff(*t.app);
  Reply in = staff.Login("newstaff", "Init#2026x");
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_TRUE(in.json.at("user").at("must_change_password").as_bool());
  EXPECT_EQ(staff.Get("/api/v1/projects").Code(), "password_change_required");
  EXPECT_EQ(staff.Get("/api/v1/auth/me").status, 200);
  Reply changed = staff.Post("/api/v1/auth/password", json::object{{"old_password", "Init#2026x"},
                                                                   {"new_password", "Mine#2026y"}});
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_FALSE(staff.Get("/api/v1/auth/me").json.at("user").at("must_change_password").as_bool());
  EXPECT_EQ(staff.Get("/api/v1/projects").status, 200);

  // The demo accounts are exempt.
  Client demo(*t.app);
  Reply p = demo.Login("promoter");
  ASSERT_EQ(p.status, 200);
  EXPECT_FALSE(p.json.at("user").at("must_change_password").as_bool());
  Client aud(*t.app);
  ASSERT_EQ(aud.Login("auditadmin").status, 200);
  Reply created = aud.Get("/api/v1/audit?action=user.create&actor=sysadmin");
  ASSERT_EQ(created.json.at("total").as_int64(), 1);
  EXPECT_EQ(created.json.at("items").at(0).at("diff").at("must_change_password").at("to"), "true");
  EXPECT_EQ(created.json.at("items").at(0).at("object_name").as_string(), "新同事");
}

}  // namespace
}  // namespace zhaoshang::testing
