// Demo policy library (政策库): ten real-shaped policies of the demo city with fictional document
// numbers — national to park level, one ending within 90 days (政策接续), one expired, one not yet
// in force — so the matcher has matches and near misses on the demo projects.
#include <stdexcept>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang {

namespace {
constexpr int64_t kWan = 10'000;
constexpr int64_t kYi = 100'000'000;
}  // namespace

void LoadDemoPolicies(App& app) {
  const Actor actor{0, "demo-loader", "", "cli", "demo"};
  std::map<std::string, int64_t> unit;
  {
    auto c = app.db().Acquire();
    for (const auto& u : org::store::ListUnits(*c)) unit[u.code] = u.id;
  }
  const auth::Principal coordinator = DemoPrincipal(app, "coordinator");
  const std::string today = LocalDateOfMs(app.clock().NowMs());
  using policies::Grant;
  auto add = [&](const char* title, const char* issuer, const char* doc, const char* level,
                 std::string from, std::optional<std::string> to, const char* owner,
                 policies::Conditions cond, std::vector<Grant> grants, const char* summary) {
    policies::Policy p;
    p.title = title;
    p.issuer = issuer;
    p.doc_number = doc;
    p.level = level;
    p.effective_from = std::move(from);
    p.expires_on = std::move(to);
    p.owner_unit_id = unit.at(owner);
    p.conditions = std::move(cond);
    p.grants = std::move(grants);
    p.summary = summary;
    p.source_text = std::string(summary) + "\n\n（示例政策，文号为虚构，仅供演示。）";
    Must(app.policies().Create(coordinator, std::move(p), actor), title);
  };
  add("安庆市支持新能源汽车产业高质量发展若干政策", "安庆市人民政府", "庆政〔2026〕8号（示例）",
      "city", "2026-01-01", "2028-12-31", "AQ-JXJ",
      {{"3612", "3670", "384"}, 1 * kYi, "needs_land", {}, "any"},
      {{"subsidy", 10, 5000 * kWan, "按设备投资额的10%给予补助"},
       {"land_price", std::nullopt, std::nullopt,
        "工业用地按不低于所在地土地等别对应最低价标准出让"}},
      "对新落户的新能源汽车整车、零部件及动力电池项目，按设备投资给予补助，并保障工业用地。");
  add("安徽省制造业高质量发展专项资金管理办法", "安徽省经济和信息化厅",
      "皖经信财务〔2025〕61号（示例）", "provincial", "2025-06-01", "2029-05-31", "AQ-JXJ",
      {{"C"}, 5000 * kWan, "any", {}, "any"},
      {{"subsidy", 8, 2000 * kWan, "对重大制造业项目按固定资产投资的8%给予奖补"}},
      "支持制造业重大项目、技术改造和智能化改造。");
  add("安庆经济技术开发区标准化厂房租金减免办法", "安庆经济技术开发区管委会",
      "庆开管〔2026〕3号（示例）", "park", "2026-03-01", "2029-02-28", "AQ-JKQ",
      {{"C"}, std::nullopt, "no_new_land", {unit.at("AQ-JKQ")}, "any"},
      {{"rent", 100, std::nullopt, "入驻标准化厂房前三年租金全免，后两年减半"}},
      "鼓励制造业项目租用园区标准化厂房，快速投产。");
  add("安庆高新区科技型企业研发投入补助办法", "安庆高新技术产业开发区管委会",
      "庆高管〔2026〕5号（示例）", "park", "2026-02-01", "2028-12-31", "AQ-GXQ",
      {{"38", "39"}, std::nullopt, "any", {unit.at("AQ-GXQ")}, "any"},
      {{"subsidy", 20, 300 * kWan, "按年度研发费用增量的20%给予补助"}},
      "支持电气机械、电子信息类科技型企业加大研发投入。");
  add("安庆市外资项目到资奖励办法", "安庆市商务局", "庆商〔2026〕11号（示例）", "city",
      "2026-01-01", "2027-12-31", "AQ-TCJ", {{}, 3000 * kWan, "any", {}, "foreign_only"},
      {{"subsidy", 1, 1000 * kWan, "按实际到资额的1%给予奖励"}},
      "对新设外商投资项目按实际到资给予奖励。");
  add("安庆市产业人才安居办法", "中共安庆市委人才工作领导小组", "庆人才〔2026〕2号（示例）", "city",
      "2026-01-01", std::nullopt, "AQ-RSJ", {},
      {{"talent", std::nullopt, 30 * kWan, "引进高层次人才给予购房补贴"}},
      "为落户企业引进的高层次人才提供安居保障。");
  add("迎江区商贸物流企业发展奖励办法", "迎江区人民政府", "迎政〔2026〕7号（示例）", "district",
      "2026-04-01", "2028-03-31", "AQ-YJ-TC",
      {{"F", "59"}, std::nullopt, "any", {unit.at("AQ-YJ")}, "any"},
      {{"tax", 50, 500 * kWan, "按企业地方财力贡献的50%给予奖励"}},
      "支持商贸、仓储物流企业在迎江区落户发展。");
  add("新能源汽车产业链招商专项奖励", "安庆市投资促进局", "庆投促〔2024〕15号（示例）", "city",
      "2024-01-01", AddDays(today, 45), "AQ-TCJ", {{"3612", "3841"}, 10 * kYi, "any", {}, "any"},
      {{"subsidy", std::nullopt, 1000 * kWan, "对链主项目按合同投资额分档奖励"}},
      "面向新能源汽车整车及动力电池链主项目的招商奖励（即将到期，需做好政策接续）。");
  add("2025年稳经济促增长若干措施", "安庆市人民政府办公室", "庆政办〔2025〕4号（示例）", "city",
      "2025-01-01", AddDays(today, -30), "AQ-FGW", {{}, std::nullopt, "any", {}, "any"},
      {{"finance", std::nullopt, std::nullopt, "新增贷款贴息"}}, "已到期的阶段性稳增长政策。");
  add("大观区工业技术改造补助办法", "大观区人民政府", "观政〔2026〕9号（示例）", "district",
      AddDays(today, 20), "2029-12-31", "AQ-DG-TC",
      {{"C"}, 2000 * kWan, "no_new_land", {unit.at("AQ-DG")}, "any"},
      {{"subsidy", 10, 500 * kWan, "按技改设备投资的10%给予补助"}},
      "支持存量工业企业不新增用地的技术改造（尚未生效）。");
}

}  // namespace zhaoshang
