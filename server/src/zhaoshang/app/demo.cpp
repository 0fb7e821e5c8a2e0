#include "zhaoshang/app/demo.hpp"

#include <map>

#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/db/settings.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang {
namespace {
struct DemoUnit {
  const char* code;
  const char* parent;  // "" = root
  const char* name;
  const char* kind;
};

// 迎江, 大观, 宜秀 are the urban districts; the parks follow the source's structure.
const DemoUnit kUnits[] = {
    {"AQ", "", "安庆市", "city"},
    {"AQ-TCJ", "AQ", "安庆市投资促进局", "bureau"},
    {"AQ-FGW", "AQ", "安庆市发展和改革委员会", "department"},
    {"AQ-JXJ", "AQ", "安庆市经济和信息化局", "department"},
    {"AQ-ZRZY", "AQ", "安庆市自然资源和规划局", "bureau"},
    {"AQ-RSJ", "AQ", "安庆市人力资源和社会保障局", "bureau"},
    {"AQ-STHJ", "AQ", "安庆市生态环境局", "bureau"},
    {"AQ-GDGS", "AQ", "国网安庆供电公司", "department"},
    {"AQ-DX", "AQ", "中共安庆市委党校", "party_school"},
    {"AQ-TJJ", "AQ", "安庆市统计局", "statistics_bureau"},
    {"AQ-JKQ", "AQ", "安庆经济技术开发区", "park"},
    {"AQ-JKQ-ZS", "AQ-JKQ", "经开区招商服务中心", "department"},
    {"AQ-GXQ", "AQ", "安庆高新技术产业开发区", "park"},
    {"AQ-YJ", "AQ", "迎江区", "district"},
    {"AQ-YJ-TC", "AQ-YJ", "迎江区投资促进中心", "department"},
    {"AQ-YJ-YQ", "AQ-YJ", "迎江经济开发区", "park"},
    {"AQ-DG", "AQ", "大观区", "district"},
    {"AQ-DG-TC", "AQ-DG", "大观区投资促进中心", "department"},
    {"AQ-DG-YQ", "AQ-DG", "大观经济开发区", "park"},
    {"AQ-YX", "AQ", "宜秀区", "district"},
    {"AQ-YX-TC", "AQ-YX", "宜秀区投资促进中心", "department"},
    {"AQ-YX-YQ", "AQ-YX", "宜秀经济开发区", "park"},
    {"AQ-ZSH", "AQ-TCJ", "驻上海招商组", "resident_team"},
    {"AQ-ZSZ", "AQ-TCJ", "驻深圳招商组", "resident_team"},
    {"AQ-YJY", "AQ", "皖江产业技术研究院（虚构）", "institute"},
    {"AQ-ZJK", "AQ-TCJ", "招商项目预审专家库", "institute"},
};
}  // namespace

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> k = {
      {"promoter", "张伟", "AQ-ZSH", "promoter"},
      {"receiver", "李娜", "AQ-JKQ", "receiver"},
      {"collaborator", "王强", "AQ-ZRZY", "collaborator"},
      {"gdcollab", "钱进", "AQ-GDGS", "collaborator"},
      {"reviewer", "陈静", "AQ-YJY", "reviewer"},
      {"coordinator", "刘洋", "AQ-TCJ", "coordinator"},
      {"leader", "赵敏", "AQ", "leader"},
      {"trainer", "孙丽", "AQ-DX", "trainer"},
      {"statistician", "周杰", "AQ-TJJ", "statistician"},
      {"sysadmin", "吴刚", "AQ-TCJ", "sysadmin"},
      {"secadmin", "郑芳", "AQ-TCJ", "secadmin"},
      {"auditadmin", "冯磊", "AQ-TCJ", "auditadmin"},
      // More front-line promoters and a unit head, so the pipeline has owners to tell apart.
      {"yxpromoter", "黄磊", "AQ-YX-TC", "promoter"},
      {"dgpromoter", "何静", "AQ-DG-TC", "promoter"},
      {"jkpromoter", "罗军", "AQ-JKQ-ZS", "promoter"},
      {"szpromoter", "高峰", "AQ-ZSZ", "promoter"},
      {"unithead", "林涛", "AQ-YX", "unit_head"},
      {"expert", "王建国", "AQ-ZJK", "expert"},
      {"expert2", "吴海燕", "AQ-ZJK", "expert"},
  };
  return k;
}

bool LoadDemo(App& app) {
  {
    auto c = app.db().Acquire();
    if (org::store::CountUsers(*c) > 0) return false;
  }
  Actor actor{0, "demo-loader", "", "cli", "demo"};
  std::map<std::string, int64_t> ids;
  auto existing = app.org().ListUnits();
  for (const auto& u : existing) ids[u.code] = u.id;
  for (const auto& u : kUnits) {
    if (ids.count(u.code)) continue;
    org::NewUnit nu;
    if (*u.parent)
      nu.parent_id = ids.at(u.parent);
    else if (!existing.empty())
      nu.parent_id = existing.front().id;
    nu.name = u.name;
    nu.kind = u.kind;
    nu.code = u.code;
    auto r = app.org().CreateUnit(actor, nu);
    if (!r) throw std::runtime_error("demo unit " + std::string(u.code) + ": " + r.error().message);
    ids[u.code] = r->id;
  }
  for (const auto& a : DemoAccounts()) {
    org::NewUser nu{a.login, a.name, kDemoPassword, ids.at(a.unit_code), {a.role}};
    auto r = app.org().CreateUser(actor, nu);
    if (!r) throw std::runtime_error("demo user " + a.login + ": " + r.error().message);
  }
  {
    auto c = app.db().Acquire();
    catalog::SeedDemoChains(*c, app.clock().NowMs());
  }
  LoadDemoProjects(app);
  LoadDemoMatching(app);
  LoadDemoFactors(app);
  LoadDemoSupervision(app);
  LoadDemoPolicies(app);
  LoadDemoChecklists(app);
  LoadDemoArticles(app);
  LoadDemoTraining(app);
  auto c = app.db().Acquire();
  db::PutSetting(*c, kDemoSetting, "1");
  app.RefreshDemoFlag();
  return true;
}

}  // namespace zhaoshang
