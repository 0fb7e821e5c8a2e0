// Ledger export and import through App::Handle, on both engines.
#include "support/test_env.hpp"
#include "zhaoshang/reports/project_excel.hpp"
#include "zhaoshang/reports/table_reader.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;
constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

int64_t Count(App& app, const std::string& sql) {
  auto c = app.db().Acquire();
  return c->QueryInt(sql, {}).value();
}

TEST(ExcelApi, ExportHasExactlyTheFilteredRowsWithChineseHeaders) {
  TestApp t;
  Client c(*t.app);
  c.Login("coordinator");
  Reply list = c.Get("/api/v1/projects?stage=negotiating&q=%E7%94%B5&page_size=200");  // 电
  ASSERT_EQ(list.status, 200);
  Reply x = c.Get("/api/v1/projects/export.xlsx?stage=negotiating&q=%E7%94%B5");
  ASSERT_EQ(x.status, 200) << x.body.substr(0, 200);
  EXPECT_NE(x.Header("Content-Disposition").find("filename*=UTF-8''"), std::string::npos);
  auto table = reports::ReadXlsx(x.body);
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(static_cast<int64_t>(table->size()) - 1, list.json.at("total").as_int64());
  EXPECT_EQ(table->at(0).at(1), "项目名称");
  EXPECT_EQ(table->at(0).at(9), "计划总投资（万元）");
  std::set<std::string> names;
  for (size_t i = 1; i < table->size(); ++i) {
    names.insert(table->at(i).at(1));
    EXPECT_EQ(table->at(i).at(22), "洽谈中");
  }
  for (const auto& p : list.json.at("items").as_array())
    EXPECT_TRUE(names.count(std::string(p.at("name").as_string())));
  // Amounts are 万元: the first row's total investment ÷ 10 000.
  const auto& first = list.json.at("items").at(0);
  for (size_t i = 1; i < table->size(); ++i) {
    if (table->at(i).at(1) == first.at("name").as_string()) {
      EXPECT_DOUBLE_EQ(std::stod(table->at(i).at(9)),
                       first.at("total_investment_yuan").as_int64() / 10000.0);
    }
  }
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'project.export'"), 1);
  Client promoter(*t.app);
  promoter.Login("promoter");
  auto mine = reports::ReadXlsx(promoter.Get("/api/v1/projects/export.xlsx").body);
  ASSERT_TRUE(mine);
  EXPECT_EQ(static_cast<int64_t>(mine->size()) - 1,
            promoter.Get("/api/v1/projects").json.at("total").as_int64());
}

std::string Csv(const std::vector<std::string>& lines) {
  std::string s =
      "项目名称,投资方名称,统一社会信用代码,行业代码,计划总投资（万元）,固定资产投资（万元）,"
      "来源渠道,意向园区,联系人,联系电话\n";
  for (const auto& l : lines) s += l + "\n";
  return s;
}

TEST(ExcelApi, ImportPreviewsThenWritesOnlyTheGoodRows) {
  TestApp t;
  Client c(*t.app);
  c.Login("promoter");
  const std::string good_row =
      "储能电池模组项目,安庆星河储能科技有限公司,,3841,50000,40000,展会招商,安庆经济技术开发区,"
      "赵先生,13900001111";
  const std::string file = Csv({
      good_row,
      "坏行一,,,3841,100,,展会招商,,,",                                      // no investor
      "坏行二,某某新材料有限公司,91440300708461136X,2651,100,,展会招商,,,",  // bad check character
      "坏行三,某某化工有限公司,,9999,abc,,信鸽,不存在的园区,,",              // several problems
      "撞单行,上海申能动力电池有限公司,,3841,1000,,以商招商,,,",     // collides with a demo project
      "重复行,安庆星河储能科技股份有限公司,,3841,100,,展会招商,,,",  // same investor as row 2
      "第二个好项目,芜湖云帆智能装备有限公司,,3491,8000.25,,中介机构,,,",  // the app's short word
  });
  const int64_t before = Count(*t.app, "SELECT COUNT(*) FROM projects");
  Reply preview = c.Call("POST", "/api/v1/projects/import/preview", file, "text/csv");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json.at("total").as_int64(), 7);
  EXPECT_EQ(preview.json.at("valid").as_int64(), 2);
  EXPECT_EQ(preview.json.at("rejected").as_int64(), 5);
  const auto& rows = preview.json.at("rows").as_array();
  EXPECT_EQ(rows.at(1).at("errors").at("投资方名称").as_string(), "required");
  EXPECT_EQ(rows.at(2).at("errors").at("统一社会信用代码").as_string(), "bad_check_character");
  EXPECT_EQ(rows.at(3).at("errors").at("行业代码").as_string(), "invalid_value");
  EXPECT_EQ(rows.at(3).at("errors").at("计划总投资（万元）").as_string(), "invalid_value");
  EXPECT_EQ(rows.at(3).at("errors").at("来源渠道").as_string(), "invalid_value");
  EXPECT_EQ(rows.at(3).at("errors").at("意向园区").as_string(), "not_found");
  EXPECT_EQ(rows.at(4).at("errors").at("投资方名称").as_string(), "collision");
  EXPECT_FALSE(rows.at(4).at("collision_project_id").is_null());
  EXPECT_EQ(rows.at(5).at("errors").at("投资方名称").as_string(), "duplicate_in_file");
  EXPECT_EQ(rows.at(6).at("total_investment_yuan").as_int64(), 80'002'500);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM projects"), before);  // preview writes nothing

  Reply report = c.Call("POST", "/api/v1/projects/import/report.xlsx", file, "text/csv");
  ASSERT_EQ(report.status, 200);
  auto rep = reports::ReadXlsx(report.body);
  ASSERT_TRUE(rep);
  ASSERT_EQ(rep->size(), 6u);  // header + 5 rejected rows
  EXPECT_EQ(rep->at(0).at(1), "错误原因");
  EXPECT_NE(rep->at(1).at(1).find("投资方名称：必填"), std::string::npos) << rep->at(1).at(1);

  Reply done = c.Call("POST", "/api/v1/projects/import/commit", file, "text/csv");
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(done.json.at("imported").as_int64(), 2);
  EXPECT_EQ(done.json.at("rejected").as_int64(), 5);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM projects"), before + 2);
  // Each imported lead is whole: first promoter, contacts, name grams, event, audit row.
  for (const auto& id : done.json.at("project_ids").as_array()) {
    const std::string pid = std::to_string(id.as_int64());
    EXPECT_EQ(
        Count(
            *t.app,
            "SELECT COUNT(*) FROM project_promoters WHERE kind = 'first' AND project_id = " + pid),
        1);
    EXPECT_GT(Count(*t.app, "SELECT COUNT(*) FROM investor_grams WHERE project_id = " + pid), 0);
    EXPECT_EQ(
        Count(*t.app,
              "SELECT COUNT(*) FROM audit_log WHERE action = 'project.create' AND object_id = '" +
                  pid + "'"),
        1);
  }
  EXPECT_EQ(Count(*t.app,
                  "SELECT COUNT(*) FROM project_contacts c JOIN projects p ON p.id = c.project_id "
                  "WHERE p.name = '储能电池模组项目'"),
            1);
  // Importing the same file again: the good rows now collide with what was just imported.
  Reply again = c.Call("POST", "/api/v1/projects/import/preview", file, "text/csv");
  EXPECT_EQ(again.json.at("valid").as_int64(), 0);
}

TEST(ExcelApi, AFailureWhileWritingLeavesTheDatabaseUnchanged) {
  TestApp t;
  Client c(*t.app);
  c.Login("coordinator");
  // 0111 is a valid catalog code, but its row is gone from the database: the second insert
  // fails on the foreign key after the first one succeeded inside the same transaction.
  {
    auto db = t.app->db().Acquire();
    db->Execute("DELETE FROM industries WHERE code = '0111'", {});
  }
  const std::string file = Csv({"甲项目,甲公司新材料有限公司,,3841,100,,展会招商,,,",
                                "乙项目,乙公司稻米有限公司,,0111,100,,展会招商,,,"});
  const int64_t projects = Count(*t.app, "SELECT COUNT(*) FROM projects");
  const int64_t audit = Count(*t.app, "SELECT COUNT(*) FROM audit_log");
  Reply r = c.Call("POST", "/api/v1/projects/import/commit", file, "text/csv");
  EXPECT_EQ(r.status, 500) << r.body;
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM projects"), projects);
  EXPECT_EQ(Count(*t.app,
                  "SELECT COUNT(*) FROM project_promoters WHERE project_id NOT IN (SELECT id FROM "
                  "projects)"),
            0);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log"), audit);
}

TEST(ExcelApi, XlsxTemplateRoundTripsAndBadFilesAreClearErrors) {
  TestApp t;
  Client c(*t.app);
  c.Login("promoter");
  Reply tpl = c.Get("/api/v1/projects/import-template.xlsx");
  ASSERT_EQ(tpl.status, 200);
  Reply preview = c.Call("POST", "/api/v1/projects/import/preview", tpl.body, kXlsxType);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json.at("total").as_int64(), 1);  // the example row
  EXPECT_EQ(preview.json.at("valid").as_int64(), 1) << preview.body;
  Reply junk =
      c.Call("POST", "/api/v1/projects/import/preview", "PK\x03\x04 not really a zip", kXlsxType);
  EXPECT_EQ(junk.status, 400);
  EXPECT_EQ(junk.Code(), "invalid_file");
  Reply no_header = c.Call("POST", "/api/v1/projects/import/preview", "a,b,c\n1,2,3\n", "text/csv");
  EXPECT_EQ(no_header.Code(), "invalid_file");
  EXPECT_EQ(no_header.Field("项目名称"), "required");
  EXPECT_EQ(c.Call("POST", "/api/v1/projects/import/preview", "", "text/csv").Code(),
            "invalid_file");
  // A UTF-16 byte-order mark alone (what the C string literal used to send, cut at its NUL)
  // and followed by binary bytes: neither is a CSV in UTF-8 or GBK.
  for (const std::string& binary :
       {std::string("\xff\xfe"), std::string("\xff\xfe\x00\x01garbage", 11)})
    EXPECT_EQ(c.Call("POST", "/api/v1/projects/import/preview", binary, "text/csv").Code(),
              "invalid_file")
        << binary.size();
  // An overlong '/' (E0 80 AF) in the template's UTF-8: that is no UTF-8 and the file is no GBK,
  // so the whole upload is refused before any row is read.
  Reply overlong = c.Call(
      "POST", "/api/v1/projects/import/preview",
      Csv({"储能项目\xE0\x80\xAF,安庆星河储能科技有限公司,,3841,100,,展会招商,,,"}), "text/csv");
  EXPECT_EQ(overlong.status, 400) << overlong.body;
  EXPECT_EQ(overlong.Code(), "invalid_file");
  EXPECT_EQ(overlong.Field("file"), "invalid_value");
  EXPECT_EQ(overlong.json.at("error").at("message"), "the CSV is neither UTF-8 nor GBK");
}

TEST(ExcelUnits, WanAndMuParsing) {
  EXPECT_EQ(reports::WanToYuan("1"), 10000);
  EXPECT_EQ(reports::WanToYuan("12,000.5"), 120'005'000);
  EXPECT_EQ(reports::WanToYuan("0.0001"), 1);
  EXPECT_EQ(reports::WanToYuan("1.5E+3"), 15'000'000);
  EXPECT_EQ(reports::WanToYuan("12345.678900000001"), 123'456'789);  // Excel's binary noise
  EXPECT_FALSE(reports::WanToYuan("-1"));
  EXPECT_FALSE(reports::WanToYuan("1万"));
  EXPECT_FALSE(reports::WanToYuan(""));
  EXPECT_EQ(reports::MuToX100("120.5"), 12050);
  EXPECT_EQ(reports::MuToX100("0.01"), 1);
}

}  // namespace
}  // namespace zhaoshang::testing
