// The guide's articles and the one search box through App::Handle, on both engines: versions
// and the diff between any two, bad input (a script, an unsafe link, a link to a missing
// article, a past review date) that stores nothing, who keeps which article, read counts, and
// search that finds two-character words, falls back for one character, highlights the hit and
// leaves out the kinds a reader may not read.
#include <algorithm>
#include <set>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

int64_t Count(App& app, const std::string& sql) {
  auto c = app.db().Acquire();
  return c->QueryInt(sql, {}).value_or(-1);
}

json::object NewArticle(const std::string& title, const std::string& body) {
  return json::object{{"category", "technique"},
                      {"title", title},
                      {"body", body},
                      {"review_on", "2027-06-30"},
                      {"note", "初稿"}};
}

json::object Edit(const Reply& current, const std::string& body, const std::string& note) {
  json::object o{{"category", current.json.at("category")},
                 {"title", current.json.at("title")},
                 {"body", body},
                 {"review_on", current.json.at("review_on")},
                 {"note", note},
                 {"version", current.json.at("version")}};
  return o;
}

// The text of the hit segments of every item, in order.
std::vector<std::string> Hits(const Reply& r) {
  std::vector<std::string> out;
  for (const auto& i : r.json.at("items").as_array())
    for (const char* part : {"title_segments", "snippet"})
      for (const auto& s : i.at(part).as_array())
        if (s.at("hit").as_bool()) out.emplace_back(s.at("text").as_string());
  return out;
}

// The articles among the hits.
std::set<int64_t> ArticleIds(const Reply& r) {
  std::set<int64_t> out;
  for (const auto& i : r.json.at("items").as_array())
    if (i.at("kind").as_string() == "article") out.insert(i.at("ref_id").as_int64());
  return out;
}

std::vector<std::string> Kinds(const Reply& r) {
  std::vector<std::string> out;
  for (const auto& k : r.json.at("kinds").as_array()) out.emplace_back(k.as_string());
  return out;
}

std::string Q(const std::string& q) {
  std::string out;
  for (unsigned char ch : q) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", ch);
    out += buf;
  }
  return out;
}

TEST(GuideArticlesApi, EverySaveIsAVersionAndAnyTwoCanBeCompared) {
  TestApp t;
  Client co(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  const int64_t creates =
      Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'guide.article_create'");
  const int64_t updates =
      Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'guide.article_update'");
  Reply v1 =
      co.Post("/api/v1/guide/articles",
              NewArticle("首次洽谈要点", "## 准备\n\n先了解投资方需求。\n\n- 带上园区名片\n"));
  ASSERT_EQ(v1.status, 201) << v1.body;
  const int64_t id = v1.json.at("id").as_int64();
  EXPECT_EQ(v1.json.at("version").as_int64(), 1);
  EXPECT_NE(std::string(v1.json.at("html").as_string()).find("<h2 id=\"h-1\">准备</h2>"),
            std::string::npos);
  EXPECT_TRUE(v1.json.at("capabilities").at("edit").as_bool());
  const std::string path = "/api/v1/guide/articles/" + std::to_string(id);

  Reply v2 =
      co.Put(path, Edit(v1, "## 准备\n\n先了解投资方的真实需求。\n\n- 带上园区名片\n", "补充"));
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_EQ(v2.json.at("version").as_int64(), 2);
  Reply v3 = co.Put(
      path, Edit(v2, "## 准备\n\n先了解投资方的真实需求。\n\n- 带上园区名片\n- 约定下次联系\n",
                 "再补充"));
  ASSERT_EQ(v3.status, 200) << v3.body;
  EXPECT_EQ(v3.json.at("version").as_int64(), 3);
  // The same text again is no new version.
  Reply same = co.Put(path, Edit(v3, std::string(v3.json.at("body").as_string()), "无变化"));
  ASSERT_EQ(same.status, 200);
  EXPECT_EQ(same.json.at("version").as_int64(), 3);
  // A save from an old read is refused and changes nothing.
  Reply stale = co.Put(path, Edit(v1, "覆盖", "旧版本"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json.at("error").at("code").as_string(), "version_conflict");

  Reply versions = co.Get(path + "/versions");
  ASSERT_EQ(versions.status, 200);
  const auto& vs = versions.json.at("items").as_array();
  ASSERT_EQ(vs.size(), 3u);
  EXPECT_EQ(vs[0].at("version").as_int64(), 3);  // newest first
  EXPECT_EQ(vs[0].at("note").as_string(), "再补充");
  EXPECT_EQ(vs[2].at("note").as_string(), "初稿");
  EXPECT_EQ(vs[0].at("by_name").as_string(), "刘洋");

  Reply one = co.Get(path + "/versions/1");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.json.at("body").as_string(), "## 准备\n\n先了解投资方需求。\n\n- 带上园区名片\n");
  EXPECT_EQ(co.Get(path + "/versions/9").status, 404);

  Reply diff = co.Get(path + "/diff?from=1&to=3");
  ASSERT_EQ(diff.status, 200) << diff.body;
  EXPECT_EQ(diff.json.at("added").as_int64(), 2);
  EXPECT_EQ(diff.json.at("removed").as_int64(), 1);
  std::vector<std::string> changed;
  for (const auto& l : diff.json.at("lines").as_array())
    if (l.at("op").as_string() != "same")
      changed.push_back(std::string(l.at("op").as_string()) + " " +
                        std::string(l.at("text").as_string()));
  EXPECT_EQ(changed,
            (std::vector<std::string>{"del 先了解投资方需求。", "add 先了解投资方的真实需求。",
                                      "add - 约定下次联系"}));
  // Backwards works too; a missing version is named.
  Reply back = co.Get(path + "/diff?from=3&to=1");
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(back.json.at("added").as_int64(), 1);
  Reply missing = co.Get(path + "/diff?from=1&to=7");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.json.at("error").at("fields").at("to").as_string(), "not_found");
  EXPECT_EQ(co.Get(path + "/diff?from=1").json.at("error").at("fields").at("to").as_string(),
            "required");
  // Audited: one create, two edits.
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'guide.article_create'"),
            creates + 1);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'guide.article_update'"),
            updates + 2);
}

TEST(GuideArticlesApi, BadInputGetsAFieldErrorAndStoresNothing) {
  TestApp t;
  Client co(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  Reply ok = co.Post("/api/v1/guide/articles", NewArticle("园区对接流程", "先联系园区。"));
  ASSERT_EQ(ok.status, 201) << ok.body;
  const std::string path = "/api/v1/guide/articles/" + std::to_string(ok.json.at("id").as_int64());
  const int64_t articles = Count(*t.app, "SELECT COUNT(*) FROM guide_articles");
  const int64_t versions = Count(*t.app, "SELECT COUNT(*) FROM guide_article_versions");
  struct Case {
    const char* body;
    const char* field;
    const char* reason;
  };
  for (const Case& c : {Case{"<script>alert(1)</script>", "body", "html_not_allowed"},
                        Case{"点 <img src=x onerror=alert(1)> 这里", "body", "html_not_allowed"},
                        Case{"[点我](javascript:alert(1))", "body", "unsafe_link"},
                        Case{"[点我](javascript&#58;alert(1))", "body", "unsafe_link"},
                        Case{"![图](https://tracker.example.com/a.png)", "body", "external_image"},
                        Case{"见 [另一篇](/guide/articles/99999)", "body", "broken_link"},
                        Case{"", "body", "required"}}) {
    Reply r = co.Post("/api/v1/guide/articles", NewArticle("坏文章", c.body));
    EXPECT_EQ(r.status, 400) << c.body;
    EXPECT_EQ(r.json.at("error").at("fields").at(c.field).as_string(), c.reason) << c.body;
    Reply put = co.Put(path, Edit(ok, c.body, "坏"));
    EXPECT_EQ(put.status, 400) << c.body;
  }
  json::object past = NewArticle("过期复核", "正文");
  past["review_on"] = "2026-01-01";
  EXPECT_EQ(co.Post("/api/v1/guide/articles", past).json.at("error").at("fields").at("review_on"),
            "in_past");
  json::object cat = NewArticle("类别", "正文");
  cat["category"] = "gossip";
  EXPECT_EQ(co.Post("/api/v1/guide/articles", cat).json.at("error").at("fields").at("category"),
            "invalid_value");
  json::object codes = NewArticle("行业", "正文");
  codes["industry_codes"] = json::array{"9999"};
  EXPECT_EQ(
      co.Post("/api/v1/guide/articles", codes).json.at("error").at("fields").at("industry_codes"),
      "not_found");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM guide_articles"), articles);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM guide_article_versions"), versions);
  // A review date that has passed may stay as it was (a typo fixed in an overdue article).
  {
    auto c = t.app->db().Acquire();
    c->Execute("UPDATE guide_articles SET review_on = '2026-01-01' WHERE id = ?",
               {ok.json.at("id").as_int64()});
  }
  Reply overdue = co.Get(path + "?edit=1");
  json::object keep = Edit(overdue, "先联系园区。", "不改");
  keep["review_on"] = "2026-01-01";
  keep["title"] = "园区对接流程（修订）";
  Reply kept = co.Put(path, keep);
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.json.at("review_on").as_string(), "2026-01-01");
  json::object moved = Edit(kept, "先联系园区。", "改到另一个过去的日期");
  moved["review_on"] = "2026-02-01";
  EXPECT_EQ(co.Put(path, moved).json.at("error").at("fields").at("review_on").as_string(),
            "in_past");
  Reply after = co.Get(path + "?edit=1");
  EXPECT_EQ(after.json.at("body").as_string(), "先联系园区。");
  EXPECT_EQ(after.json.at("version").as_int64(), 2);  // the bad edits stored nothing
  // A link to an article that exists is fine.
  Reply linked =
      co.Post("/api/v1/guide/articles", NewArticle("链接", "见 [流程](" + path.substr(7) + ")"));
  EXPECT_EQ(linked.status, 201) << linked.body;
}

TEST(GuideArticlesApi, AnOwnerUnitKeepsItsArticlesAndEveryoneReadsThem) {
  TestApp t;
  Client co(*t.app), collab(*t.app), gd(*t.app), promoter(*t.app), sys(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(collab.Login("collaborator").status, 200);
  ASSERT_EQ(gd.Login("gdcollab").status, 200);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  ASSERT_EQ(sys.Login("sysadmin").status, 200);
  // A department writes for its own unit (the default), not for another.
  Reply own = collab.Post("/api/v1/guide/articles", NewArticle("用地报批指引", "先做规划选址。"));
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(own.json.at("owner_unit_id").as_int64(), UnitIdByCode(*t.app, "AQ-ZRZY"));
  json::object other = NewArticle("越权", "正文");
  other["owner_unit_id"] = UnitIdByCode(*t.app, "AQ-TCJ");
  Reply refused = collab.Post("/api/v1/guide/articles", other);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json.at("error").at("fields").at("owner_unit_id").as_string(), "out_of_scope");
  const std::string path = "/api/v1/guide/articles/" + std::to_string(own.json.at("id").as_int64());
  // Another department reads it but may not edit it; the coordinator may.
  Reply seen = gd.Get(path);
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(seen.json.at("capabilities").at("edit").as_bool());
  EXPECT_EQ(gd.Put(path, Edit(own, "改", "越权")).status, 403);
  EXPECT_TRUE(co.Get(path + "?edit=1").json.at("capabilities").at("edit").as_bool());
  // A promoter reads and may not write; the administrators see no guide.
  EXPECT_EQ(promoter.Post("/api/v1/guide/articles", NewArticle("x", "y")).status, 403);
  Reply list = promoter.Get("/api/v1/guide/articles");
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(list.json.at("capabilities").at("create").as_bool());
  EXPECT_TRUE(collab.Get("/api/v1/guide/articles").json.at("capabilities").at("create").as_bool());
  EXPECT_EQ(sys.Get("/api/v1/guide/articles").status, 403);
  EXPECT_EQ(sys.Get("/api/v1/search?q=" + Q("用地")).status, 403);
  // Reads: each GET counts (not the editor's), readers are distinct people.
  promoter.Get(path);
  promoter.Get(path);
  Reply counted = co.Get(path + "?edit=1");
  EXPECT_EQ(counted.json.at("reads").as_int64(), 3);  // gd once, the promoter twice
  EXPECT_EQ(counted.json.at("readers").as_int64(), 2);
  // The list filters by category and title.
  Reply tech = promoter.Get("/api/v1/guide/articles?category=technique&q=" + Q("用地"));
  ASSERT_EQ(tech.status, 200);
  EXPECT_EQ(tech.json.at("total").as_int64(), 1);
  EXPECT_EQ(promoter.Get("/api/v1/guide/articles?category=gossip").status, 400);
}

TEST(GuideArticlesApi, SearchFindsTwoCharacterWordsHighlightsAndRespectsPermissions) {
  TestApp t;
  Client co(*t.app), expert(*t.app), promoter(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(expert.Login("expert").status, 200);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply a = co.Post(
      "/api/v1/guide/articles",
      NewArticle("首次洽谈要点", "见面前准备园区名片，洽谈时问清用电和用工需求，力争独占鳌头。"));
  ASSERT_EQ(a.status, 201) << a.body;
  const int64_t id = a.json.at("id").as_int64();

  // A two-character word, in an article's title and body.
  Reply r = promoter.Get("/api/v1/search?q=" + Q("洽谈"));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GE(r.json.at("items").as_array().size(), 1u);
  const auto& first = r.json.at("items").as_array().front();
  EXPECT_EQ(first.at("kind").as_string(), "article");
  EXPECT_EQ(first.at("ref_id").as_int64(), id);
  for (const auto& h : Hits(r)) EXPECT_EQ(h, "洽谈");
  EXPECT_GE(Hits(r).size(), 2u);  // the title and the snippet
  // Policies and park cards of the demo city are found too.
  Reply land = promoter.Get("/api/v1/search?q=" + Q("用地"));
  ASSERT_EQ(land.status, 200);
  std::set<std::string> kinds;
  for (const auto& i : land.json.at("items").as_array()) kinds.emplace(i.at("kind").as_string());
  EXPECT_TRUE(kinds.count("policy")) << land.body;
  Reply parks = promoter.Get("/api/v1/search?q=" + Q("化工") + "&kinds=park");
  ASSERT_EQ(parks.status, 200);
  ASSERT_FALSE(parks.json.at("items").as_array().empty());
  for (const auto& i : parks.json.at("items").as_array())
    EXPECT_EQ(i.at("kind").as_string(), "park");
  // Two terms: both must be there. A phrase is one term: its characters in that order.
  EXPECT_TRUE(ArticleIds(promoter.Get("/api/v1/search?q=" + Q("洽谈 用工"))).count(id));
  EXPECT_FALSE(ArticleIds(promoter.Get("/api/v1/search?q=" + Q("洽谈 火箭"))).count(id));
  EXPECT_FALSE(ArticleIds(promoter.Get("/api/v1/search?q=" + Q("用工洽谈"))).count(id));
  // One character: the fallback finds it.
  Reply one = promoter.Get("/api/v1/search?q=" + Q("鳌") + "&kinds=article");
  ASSERT_EQ(one.status, 200);
  ASSERT_EQ(one.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(Hits(one).front(), "鳌");

  // An expert does not read park cards: they are not searched for them.
  EXPECT_EQ(Kinds(expert.Get("/api/v1/search?q=" + Q("园区"))),
            (std::vector<std::string>{"article", "policy", "qa"}));
  EXPECT_EQ(Kinds(promoter.Get("/api/v1/search?q=" + Q("园区"))),
            (std::vector<std::string>{"article", "policy", "park", "qa"}));
  Reply none = expert.Get("/api/v1/search?q=" + Q("化工") + "&kinds=park");
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(none.json.at("items").as_array().empty());

  // An edit is found by its new words at once, no longer by the old.
  Reply v2 =
      co.Put("/api/v1/guide/articles/" + std::to_string(id),
             Edit(a, "见面前准备园区名片，会谈时问清用电和用水需求，力争独占鳌头。", "改词"));
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_FALSE(
      ArticleIds(promoter.Get("/api/v1/search?q=" + Q("用工") + "&kinds=article")).count(id));
  EXPECT_TRUE(
      ArticleIds(promoter.Get("/api/v1/search?q=" + Q("用水") + "&kinds=article")).count(id));

  // Bad queries: a field error.
  for (const auto& [q, reason] :
       std::vector<std::pair<std::string, std::string>>{{"", "required"},
                                                        {Q(std::string(51, 'a')), "too_long"},
                                                        {Q("，。！"), "invalid_value"}}) {
    Reply bad = promoter.Get("/api/v1/search?q=" + q);
    EXPECT_EQ(bad.status, 400) << q;
    EXPECT_EQ(bad.json.at("error").at("fields").at("q").as_string(), reason) << q;
  }
  EXPECT_EQ(promoter.Get("/api/v1/search?q=" + Q("园区") + "&kinds=gossip").status, 400);
  EXPECT_EQ(promoter.Get("/api/v1/search?q=" + Q("园区") + "&limit=0").status, 400);
}

TEST(GuideArticlesApi, ThePreviewNamesWhatASaveWouldRefuse) {
  TestApp t;
  Client co(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  Reply p = co.Post("/api/v1/guide/preview",
                    json::object{{"body", "# 标题\n\n<b>粗</b> [x](javascript:alert(1))"}});
  ASSERT_EQ(p.status, 200) << p.body;
  const std::string html(p.json.at("html").as_string());
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("javascript"), std::string::npos);
  std::vector<std::string> problems;
  for (const auto& x : p.json.at("problems").as_array()) problems.emplace_back(x.as_string());
  EXPECT_EQ(problems, (std::vector<std::string>{"html_not_allowed", "unsafe_link"}));
  ASSERT_EQ(p.json.at("headings").as_array().size(), 1u);
  // What only the server knows: a link to a missing article.
  Reply broken = co.Post("/api/v1/guide/preview",
                         json::object{{"body", "见 [另一篇](/guide/articles/99999)"}});
  ASSERT_EQ(broken.status, 200);
  EXPECT_EQ(broken.json.at("problems").as_array().front().as_string(), "broken_link");
  Reply booklet = co.Get("/api/v1/guide/booklet");
  ASSERT_EQ(booklet.status, 200);
  EXPECT_EQ(booklet.json.at("categories").as_array().size(), 5u);
}

TEST(GuideArticlesApi, AnIndustryArticleNamesItsChainNodes) {
  TestApp t;
  Client co(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  auto c = t.app->db().Acquire();
  const int64_t node =
      c->QueryInt("SELECT id FROM chain_nodes WHERE name = '动力电池'", {}).value_or(0);
  ASSERT_GT(node, 0);
  json::object a = NewArticle("动力电池招商要点", "## 招什么\n\n电芯与 PACK。\n");
  a["category"] = "industry";
  a["chain_node_ids"] = json::array{int64_t{999999}};
  Reply bad = co.Post("/api/v1/guide/articles", a);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Field("chain_node_ids"), "not_found");
  a["chain_node_ids"] = json::array{node, node};
  Reply made = co.Post("/api/v1/guide/articles", a);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(json::serialize(made.json.at("chain_node_ids")), "[" + std::to_string(node) + "]");
  ASSERT_EQ(made.json.at("chain_nodes").as_array().size(), 1u);
  EXPECT_EQ(made.json.at("chain_nodes").as_array()[0].at("name").as_string(), "动力电池");
  // The demo's chain map names the chain's nodes.
  Reply list = co.Get("/api/v1/guide/articles?category=industry");
  bool linked = false;
  for (const auto& x : list.json.at("items").as_array())
    if (x.at("title").as_string() == "新能源汽车产业链招商图谱")
      linked = !x.at("chain_node_ids").as_array().empty();
  EXPECT_TRUE(linked);
}

}  // namespace
}  // namespace zhaoshang::testing
