// Attachments (佐证材料) through App::Handle, on both engines: upload, list, download, remove;
// content checks and nothing stored on a refusal; scopes through the owning module (project,
// factor request); a stage guard that requires an attachment kind.
#include <algorithm>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

const std::string kPdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

std::string Base(int64_t project) {
  return "/api/v1/projects/" + std::to_string(project) + "/attachments";
}

// 投资协议.pdf, percent-encoded as the browser sends it.
const std::string kAgreementName = "%E6%8A%95%E8%B5%84%E5%8D%8F%E8%AE%AE.pdf";

Reply Upload(Client& c, const std::string& base, const std::string& kind, const std::string& name,
             const std::string& bytes) {
  return c.Call("POST", base + "?kind=" + kind + "&name=" + name, bytes,
                "application/octet-stream");
}

int64_t AuditRows(App& app, const std::string& action, int64_t object_id) {
  auto c = app.db().Acquire();
  return c
      ->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = ? AND object_id = ?",
                 {action, std::to_string(object_id)})
      .value_or(0);
}

TEST(AttachmentsApi, UploadedListedDownloadedAndRemovedWithAReason) {
  TestApp t;
  Client receiver(*t.app), coordinator(*t.app), promoter(*t.app), leader(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  ASSERT_EQ(leader.Login("leader").status, 200);
  const int64_t project = FirstProject(receiver, "signed");
  const std::string base = Base(project);

  // Every byte value survives the round trip (BLOB / BYTEA, not text).
  std::string bytes = kPdf;
  for (int i = 0; i < 512; ++i) bytes.push_back(static_cast<char>(i & 0xFF));
  Reply up = Upload(receiver, base, "investment_agreement", kAgreementName, bytes);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json.at("name").as_string(), "投资协议.pdf");
  EXPECT_EQ(up.json.at("format").as_string(), "pdf");
  EXPECT_EQ(up.json.at("stage").as_string(), "signed");
  EXPECT_EQ(up.json.at("size_bytes").as_int64(), static_cast<int64_t>(bytes.size()));
  EXPECT_EQ(up.json.at("sha256").as_string().size(), 64u);
  EXPECT_TRUE(up.json.at("capabilities").at("remove").as_bool());
  const int64_t id = up.json.at("id").as_int64();
  const std::string file = "/api/v1/attachments/" + std::to_string(id);

  Reply list = receiver.Get(base);
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json.at("items").as_array().size(), 1u);
  EXPECT_TRUE(list.json.at("capabilities").at("attach").as_bool());
  EXPECT_EQ(list.json.at("items").at(0).at("uploaded_by_name").as_string(), "李娜");

  Reply got = receiver.Get(file + "/content");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, bytes);
  EXPECT_NE(got.Header("Content-Disposition").find("attachment;"), std::string::npos);
  EXPECT_NE(got.Header("Content-Disposition").find("UTF-8''" + kAgreementName), std::string::npos);
  EXPECT_EQ(AuditRows(*t.app, "attachment.upload", project), 1);
  EXPECT_EQ(AuditRows(*t.app, "attachment.download", project), 1);

  // The leader reads the project and its files but attaches nothing.
  Reply seen = leader.Get(base);
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(seen.json.at("capabilities").at("attach").as_bool());
  EXPECT_FALSE(seen.json.at("items").at(0).at("capabilities").at("remove").as_bool());
  EXPECT_EQ(leader.Get(file + "/content").status, 200);
  EXPECT_EQ(Upload(leader, base, "other", "a.pdf", kPdf).status, 403);
  // A promoter of another unit does not learn the project or the file exists.
  EXPECT_EQ(promoter.Get(base).status, 404);
  EXPECT_EQ(promoter.Get(file + "/content").status, 404);
  EXPECT_EQ(Upload(promoter, base, "other", "a.pdf", kPdf).status, 404);
  EXPECT_EQ(promoter.Call("DELETE", file, R"({"reason":"x"})").status, 404);
  EXPECT_EQ(leader.Call("DELETE", file, R"({"reason":"x"})").status, 403);

  // Removing needs a reason; the coordinator removes anyone's file; the bytes are kept.
  EXPECT_EQ(coordinator.Call("DELETE", file, "{}").Field("reason"), "required");
  EXPECT_EQ(coordinator.Call("DELETE", file, R"({"reason":"a\u0000b"})").Field("reason"),
            "invalid_value");
  ASSERT_EQ(coordinator.Call("DELETE", file, R"({"reason":"上传错了项目"})").status, 204);
  EXPECT_TRUE(receiver.Get(base).json.at("items").as_array().empty());
  EXPECT_EQ(receiver.Get(file + "/content").status, 404);
  EXPECT_EQ(coordinator.Call("DELETE", file, R"({"reason":"again"})").status, 404);
  EXPECT_EQ(AuditRows(*t.app, "attachment.remove", project), 1);
  auto c = t.app->db().Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM attachment_blobs WHERE attachment_id = ?", {id}), 1);
}

TEST(AttachmentsApi, BadFilesAreRefusedByContentAndNothingIsStored) {
  TestApp t;
  Client receiver(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  const std::string base = Base(FirstProject(receiver, "signed"));
  EXPECT_EQ(Upload(receiver, base, "investment_agreement", "a.pdf", kPng).Field("file"),
            "type_mismatch");
  EXPECT_EQ(Upload(receiver, base, "other", "x.html", "<html><script>1</script>").Field("file"),
            "unsupported_type");
  EXPECT_EQ(Upload(receiver, base, "other", "a.pdf", "").Field("file"), "empty");
  EXPECT_EQ(Upload(receiver, base, "passport", "a.pdf", kPdf).Field("kind"), "invalid_value");
  EXPECT_EQ(Upload(receiver, base, "", "a.pdf", kPdf).Field("kind"), "required");
  EXPECT_EQ(Upload(receiver, base, "other", "", kPdf).Field("name"), "required");
  EXPECT_EQ(Upload(receiver, base, "other", "%E2%80%8B", kPdf).Field("name"), "required");
  EXPECT_EQ(Upload(receiver, base, "other", "noext", kPdf).Field("name"), "no_extension");
  EXPECT_EQ(Upload(receiver, "/api/v1/projects/999999/attachments", "other", "a.pdf", kPdf).status,
            404);
  EXPECT_EQ(receiver.Get("/api/v1/attachments/999999/content").status, 404);
  EXPECT_EQ(receiver.Get("/api/v1/attachments/abc/content").status, 404);
  EXPECT_TRUE(receiver.Get(base).json.at("items").as_array().empty());
  auto c = t.app->db().Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM attachments", {}), 0);
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM attachment_blobs", {}), 0);
}

TEST(AttachmentsApi, TheSizeLimitIsTheServersSetting) {
  Config cfg;
  cfg.attachment_limit = 64;
  TestApp t(true, cfg);
  Client receiver(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  const std::string base = Base(FirstProject(receiver, "signed"));
  EXPECT_EQ(Upload(receiver, base, "other", "a.pdf", kPdf + std::string(64, ' ')).Field("file"),
            "too_large");
  EXPECT_EQ(Upload(receiver, base, "other", "a.pdf", kPdf).status, 201);
  EXPECT_EQ(receiver.Get("/api/v1/attachments/kinds").json.at("max_bytes").as_int64(), 64);
}

TEST(AttachmentsApi, AStageGuardRequiresTheAgreementBeforeSigning) {
  TestApp t;
  Client receiver(*t.app), coordinator(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  // Bad requirements change nothing.
  EXPECT_EQ(coordinator
                .Put("/api/v1/pipeline/settings",
                     json::object{{"stage_evidence", {{"lead", json::array{"other"}}}}})
                .Field("stage_evidence.lead"),
            "unknown_field");
  EXPECT_EQ(coordinator
                .Put("/api/v1/pipeline/settings",
                     json::object{{"stage_evidence", {{"signed", json::array{"passport"}}}}})
                .Field("stage_evidence.signed"),
            "invalid_value");
  EXPECT_EQ(receiver
                .Put("/api/v1/pipeline/settings",
                     json::object{{"stage_evidence", {{"signed", json::array{"other"}}}}})
                .status,
            403);
  Reply set = coordinator.Put(
      "/api/v1/pipeline/settings",
      json::object{{"stage_evidence", {{"signed", json::array{"investment_agreement"}}}}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json.at("stage_evidence").at("signed"), (json::array{"investment_agreement"}));
  EXPECT_TRUE(set.json.at("stage_evidence").at("construction").as_array().empty());
  EXPECT_EQ(set.json.at("stage_deadline_days").at("negotiating").as_int64(), 90);  // kept

  const int64_t id = FirstProject(receiver, "negotiating");
  const std::string path = "/api/v1/projects/" + std::to_string(id);
  Reply p = receiver.Get(path);
  ASSERT_EQ(p.status, 200);
  const auto& options = p.json.at("capabilities").at("transitions").as_array();
  auto signed_option = std::find_if(options.begin(), options.end(), [](const json::value& o) {
    return o.at("to").as_string() == "signed";
  });
  ASSERT_NE(signed_option, options.end());
  EXPECT_EQ(signed_option->at("evidence"), (json::array{"investment_agreement"}));

  auto sign = [&](const Reply& now) {
    return receiver.Post(
        path + "/transitions",
        json::object{{"to", "signed"},
                     {"version", now.json.at("version").as_int64()},
                     {"fields", json::object{{"signing_date", "2026-11-10"},
                                             {"contracted_investment_yuan", 500'000'000}}}});
  };
  Reply refused = sign(p);
  EXPECT_EQ(refused.Code(), "guard_failed");
  EXPECT_EQ(refused.Field("attachments"), "required");
  EXPECT_EQ(receiver.Get(path).json.at("stage").as_string(), "negotiating");
  // Another kind does not satisfy it; the agreement does.
  ASSERT_EQ(Upload(receiver, Base(id), "meeting_minutes", "%E7%BA%AA%E8%A6%81.pdf", kPdf).status,
            201);
  EXPECT_EQ(sign(receiver.Get(path)).Field("attachments"), "required");
  ASSERT_EQ(Upload(receiver, Base(id), "investment_agreement", kAgreementName, kPdf).status, 201);
  p = receiver.Get(path);
  for (const auto& o : p.json.at("capabilities").at("transitions").as_array())
    EXPECT_TRUE(o.at("evidence").as_array().empty()) << o;
  Reply done = sign(p);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("stage").as_string(), "signed");
}

TEST(AttachmentsApi, AFactorRequestsFilesAreItsPartiesOnly) {
  TestApp t;
  Client receiver(*t.app), power(*t.app), land(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  ASSERT_EQ(power.Login("gdcollab").status, 200);  // 供电公司
  ASSERT_EQ(land.Login("collaborator").status, 200);
  const int64_t project = FirstProject(receiver, "signed");
  Reply raised = receiver.Post(
      "/api/v1/projects/" + std::to_string(project) + "/factor-requests",
      json::object{{"type", "power"}, {"need", "新增 2000 kVA 专变"}, {"quantity", 2000}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  EXPECT_TRUE(raised.json.at("capabilities").at("attach").as_bool());
  const std::string base =
      "/api/v1/factor-requests/" + std::to_string(raised.json.at("id").as_int64()) + "/attachments";
  Reply up = Upload(receiver, base, "other", "%E8%B4%9F%E8%8D%B7%E6%B8%85%E5%8D%95.pdf", kPdf);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json.at("object_type").as_string(), "factor_request");
  EXPECT_EQ(up.json.at("stage").as_string(), "");
  const std::string file =
      "/api/v1/attachments/" + std::to_string(up.json.at("id").as_int64()) + "/content";
  // The department handling it reads and adds files; another department does not see it.
  Reply list = power.Get(base);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json.at("items").as_array().size(), 1u);
  EXPECT_TRUE(list.json.at("capabilities").at("attach").as_bool());
  EXPECT_EQ(power.Get(file).body, kPdf);
  EXPECT_EQ(Upload(power, base, "other", "reply.pdf", kPdf).status, 201);
  // The leader reads it but is no party: a valid file is refused, a broken one says why first.
  Client leader(*t.app);
  ASSERT_EQ(leader.Login("leader").status, 200);
  EXPECT_EQ(leader.Get(base).status, 200);
  EXPECT_EQ(Upload(leader, base, "other", "a.pdf", kPdf).status, 403);
  EXPECT_EQ(Upload(leader, base, "other", "a.pdf", "").Field("file"), "empty");
  EXPECT_EQ(land.Get(base).status, 404);
  EXPECT_EQ(land.Get(file).status, 404);
  EXPECT_EQ(Upload(land, base, "other", "a.pdf", kPdf).status, 404);
  // The project's files are not the request's.
  EXPECT_TRUE(receiver.Get(Base(project)).json.at("items").as_array().empty());
}

}  // namespace
}  // namespace zhaoshang::testing
