// Questions from the front line through App::Handle, on both engines: a promoter asks (from a
// project they may read, never from one they may not), an expert answers and the asker is told,
// the coordinator takes the answer into the guide with one click, search finds the question, and
// bad input stores nothing.
#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

int64_t Count(App& app, const std::string& sql) {
  auto c = app.db().Acquire();
  return c->QueryInt(sql, {}).value_or(-1);
}

// A project the login may read, and one they may not (another unit's, not theirs).
std::pair<int64_t, int64_t> OwnAndForeignProject(App& app, const std::string& login) {
  auto c = app.db().Acquire();
  const int64_t own = c->QueryInt(
                           "SELECT p.id FROM projects p JOIN users u ON u.id = p.promoter_id WHERE "
                           "u.login = ? ORDER BY p.id LIMIT 1",
                           {login})
                          .value_or(0);
  const int64_t foreign =
      c->QueryInt(
           "SELECT p.id FROM projects p JOIN users u ON u.id = p.promoter_id WHERE "
           "u.login <> ? AND NOT EXISTS (SELECT 1 FROM project_promoters pp JOIN users v ON "
           "v.id = pp.user_id WHERE pp.project_id = p.id AND v.login = ?) ORDER BY p.id LIMIT 1",
           {login, login})
          .value_or(0);
  return {own, foreign};
}

TEST(GuideQuestionsApi, AskedAnsweredToldAndTakenIntoTheGuide) {
  TestApp t;
  Client pro(*t.app), expert(*t.app), co(*t.app), other(*t.app);
  ASSERT_EQ(pro.Login("promoter").status, 200);
  ASSERT_EQ(expert.Login("expert").status, 200);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(other.Login("szpromoter").status, 200);
  const auto [own, foreign] = OwnAndForeignProject(*t.app, "promoter");
  ASSERT_GT(own, 0);
  ASSERT_GT(foreign, 0);

  // From a project the promoter may not read: as if it did not exist, nothing stored.
  const int64_t before = Count(*t.app, "SELECT COUNT(*) FROM guide_questions");
  Reply sneaky = pro.Post("/api/v1/guide/questions", json::object{{"topic", "technique"},
                                                                  {"title", "别人的项目怎么谈？"},
                                                                  {"project_id", foreign}});
  EXPECT_EQ(sneaky.status, 400);
  EXPECT_EQ(sneaky.Field("project_id"), "not_found");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM guide_questions"), before);

  Reply asked = pro.Post("/api/v1/guide/questions",
                         json::object{{"topic", "technique"},
                                      {"title", "投资方要求对赌条款怎么应对？"},
                                      {"body", "企业提出产值不达标时政府返还补贴的**对赌**。"},
                                      {"project_id", own}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const int64_t id = asked.json.at("id").as_int64();
  EXPECT_EQ(asked.json.at("project_id").as_int64(), own);
  EXPECT_NE(std::string(asked.json.at("body_html").as_string()).find("<strong>对赌</strong>"),
            std::string::npos);
  EXPECT_FALSE(asked.json.at("capabilities").at("answer").as_bool());
  const std::string path = "/api/v1/guide/questions/" + std::to_string(id);
  // Another promoter reads the question but not the project it came from.
  Reply seen = other.Get(path);
  ASSERT_EQ(seen.status, 200);
  EXPECT_TRUE(seen.json.at("project_id").is_null());
  EXPECT_EQ(seen.json.at("project_name").as_string(), "");
  // Promoters do not answer.
  EXPECT_EQ(other.Post(path + "/answers", json::object{{"body", "我来答"}}).status, 403);

  const int64_t unread = pro.Get("/api/v1/notifications/unread-count").json.at("unread").as_int64();
  Reply answered = expert.Post(
      path + "/answers",
      json::object{{"body", "对赌只约定**税收贡献**挂钩的奖励兑现节奏，不写返还本金。"}});
  ASSERT_EQ(answered.status, 201) << answered.body;
  ASSERT_EQ(answered.json.at("answers").as_array().size(), 1u);
  const int64_t answer_id = answered.json.at("answers").as_array()[0].at("id").as_int64();
  EXPECT_EQ(answered.json.at("answers").as_array()[0].at("by_name").as_string(), "王建国");
  EXPECT_EQ(pro.Get("/api/v1/notifications/unread-count").json.at("unread").as_int64(), unread + 1);
  // Experts do not write the guide: no promotion for them.
  EXPECT_FALSE(answered.json.at("capabilities").at("promote").as_bool());
  EXPECT_EQ(expert.Post(path + "/promote", json::object{{"answer_id", answer_id}}).status, 403);

  Reply listed = pro.Get("/api/v1/guide/questions?mine=1&status=answered");
  ASSERT_EQ(listed.status, 200);
  bool found = false;
  for (const auto& q : listed.json.at("items").as_array()) found |= q.at("id").as_int64() == id;
  EXPECT_TRUE(found);

  Reply detail = co.Get(path);
  EXPECT_TRUE(detail.json.at("capabilities").at("promote").as_bool());
  Reply wrong = co.Post(path + "/promote", json::object{{"answer_id", int64_t{999999}}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Field("answer_id"), "not_found");
  const int64_t articles = Count(*t.app, "SELECT COUNT(*) FROM guide_articles");
  Reply promoted = co.Post(path + "/promote", json::object{{"answer_id", answer_id}});
  ASSERT_EQ(promoted.status, 201) << promoted.body;
  EXPECT_EQ(promoted.json.at("category").as_string(), "technique");
  EXPECT_EQ(promoted.json.at("title").as_string(), "投资方要求对赌条款怎么应对？");
  EXPECT_NE(std::string(promoted.json.at("body").as_string()).find("## 解答"), std::string::npos);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM guide_articles"), articles + 1);
  EXPECT_EQ(co.Get(path).json.at("article_id").as_int64(), promoted.json.at("id").as_int64());
  Reply again = co.Post(path + "/promote", json::object{{"answer_id", answer_id}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.Code(), "already_promoted");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM guide_articles"), articles + 1);

  // One box finds the question by a two-character word of its answer.
  Reply hits = pro.Get("/api/v1/search?q=%E5%AF%B9%E8%B5%8C&kinds=qa");  // 对赌
  ASSERT_EQ(hits.status, 200) << hits.body;
  found = false;
  for (const auto& h : hits.json.at("items").as_array())
    found |= h.at("kind").as_string() == "qa" && h.at("ref_id").as_int64() == id;
  EXPECT_TRUE(found);
  for (const char* action :
       {"guide.question_ask", "guide.question_answer", "guide.question_promote"})
    EXPECT_EQ(Count(*t.app, std::string("SELECT COUNT(*) FROM audit_log WHERE action = '") +
                                action + "' AND object_id = '" + std::to_string(id) + "'"),
              1)
        << action;
}

TEST(GuideQuestionsApi, BadQuestionsAndAnswersStoreNothing) {
  TestApp t;
  Client pro(*t.app), co(*t.app);
  ASSERT_EQ(pro.Login("promoter").status, 200);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  const int64_t questions = Count(*t.app, "SELECT COUNT(*) FROM guide_questions");
  const int64_t answers = Count(*t.app, "SELECT COUNT(*) FROM guide_answers");
  auto ask_error = [&](const json::object& body, const std::string& field) {
    Reply r = pro.Post("/api/v1/guide/questions", body);
    EXPECT_EQ(r.status, 400) << r.body;
    return r.Field(field);
  };
  EXPECT_EQ(ask_error({{"topic", "gossip"}, {"title", "x"}}, "topic"), "invalid_value");
  EXPECT_EQ(ask_error({{"topic", "policy"}, {"title", ""}}, "title"), "required");
  EXPECT_EQ(
      ask_error({{"topic", "policy"}, {"title", "x"}, {"body", "<img src=x onerror=alert(1)>"}},
                "body"),
      "html_not_allowed");
  EXPECT_EQ(ask_error({{"topic", "policy"}, {"title", "x"}, {"project_id", int64_t{999999}}},
                      "project_id"),
            "not_found");
  Reply open = pro.Get("/api/v1/guide/questions?status=open");
  ASSERT_EQ(open.status, 200);
  ASSERT_FALSE(open.json.at("items").as_array().empty());
  const std::string path = "/api/v1/guide/questions/" +
                           std::to_string(open.json.at("items").as_array()[0].at("id").as_int64());
  EXPECT_EQ(co.Post(path + "/answers", json::object{{"body", ""}}).Field("body"), "required");
  EXPECT_EQ(
      co.Post(path + "/answers", json::object{{"body", "[x](javascript:alert(1))"}}).Field("body"),
      "unsafe_link");
  EXPECT_EQ(pro.Get("/api/v1/guide/questions?status=maybe").Field("status"), "invalid_value");
  EXPECT_EQ(co.Post("/api/v1/guide/questions/999999/answers", json::object{{"body", "答"}}).status,
            404);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM guide_questions"), questions);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM guide_answers"), answers);
}

}  // namespace
}  // namespace zhaoshang::testing
