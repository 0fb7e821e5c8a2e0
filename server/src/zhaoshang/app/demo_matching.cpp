// The demo city's park profiles, routings and pre-review panel (see demo_projects.hpp).
#include <algorithm>
#include <limits>
#include <map>

#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang {
namespace {

struct DemoCarrier {
  const char* kind;
  const char* name;
  const char* status;
  int64_t size;   // land: 1/100 亩; factory: m²
  int64_t price;  // land: yuan/亩; factory: rent yuan/m²·month
};

struct DemoPark {
  const char* code;
  const char* positioning;
  std::vector<const char*> nodes;  // chain node names
  std::vector<std::string> targets, excluded, redline;
  const char* redline_note;
  int64_t intensity, tax, output, power, water, gas, steam;
  const char* facilities;
  const char* policies;
  matching::ParkContact contact;
  std::vector<DemoCarrier> carriers;
};

const std::vector<DemoPark>& Parks() {
  static const std::vector<DemoPark> k = {
      {"AQ-JKQ",
       "国家级经济技术开发区，主攻新能源汽车整车及核心零部件，配套发展汽车电子。",
       {"整车制造", "动力电池", "汽车零部件"},
       {"3612", "3670", "3841"},
       {"2511"},
       {"261"},
       "经开区不是化工园区：不新增基础化学原料生产项目",
       3'000'000,
       200'000,
       5'000'000,
       80'000,
       20'000,
       50'000,
       100,
       "220kV 变电站两座；集中供热；人才公寓 1200 套；距安庆港 12 公里",
       "新能源汽车产业链招商十条；标准厂房租金前三年减半；固定资产投资奖补最高 5%",
       {"周晓明", "0556-5321001", "招商服务中心主任"},
       {{"land", "JKQ-2026-01 地块", "available", 12000, 280'000},
        {"land", "JKQ-2026-02 地块", "available", 8500, 280'000},
        {"land", "JKQ-2025-07 地块", "reserved", 20000, 260'000},
        {"factory", "新能源汽车零部件标准厂房 A 栋", "available", 12000, 15},
        {"factory", "汽车电子产业园 3 号厂房", "used", 6000, 18}}},
      {"AQ-GXQ",
       "国家级高新区，化工新材料与生物医药双主导，拥有认定化工园区。",
       {"合成材料", "专用化学品", "化学制剂"},
       {"265", "266", "272"},
       {},
       {},
       "",
       3'500'000,
       250'000,
       6'000'000,
       120'000,
       50'000,
       80'000,
       300,
       "化工园区封闭管理；危废集中处置中心；公共管廊 18 公里",
       "化工新材料项目固定资产投资奖补；研发中心认定奖励最高 500 万元",
       {"钱文斌", "0556-5582002", "投资促进局局长"},
       {{"land", "高新区化工园区 C-12 地块", "available", 30000, 220'000},
        {"factory", "生物医药孵化器 2 号楼", "available", 8000, 20}}},
      {"AQ-YJ-YQ",
       "都市型产业园，发展新一代信息技术和智能装备研发制造。",
       {"电子元器件"},
       {"398", "39"},
       {"25", "26"},
       {},
       "",
       2'500'000,
       150'000,
       4'000'000,
       30'000,
       5'000,
       8'000,
       0,
       "紧邻高铁站；众创空间 2 万平方米",
       "电子信息产业首年厂房免租",
       {"孙丽华", "0556-5510003", "招商科科长"},
       {{"factory", "电子信息产业园标准厂房 1 号", "available", 20000, 16},
        {"land", "迎江园 YJ-03 地块", "available", 6000, 240'000}}},
      {"AQ-DG-YQ",
       "汽车零部件与高端装备配套园区。",
       {"汽车零部件"},
       {"367", "34"},
       {"25"},
       {},
       "",
       2'000'000,
       150'000,
       3'000'000,
       40'000,
       8'000,
       10'000,
       20,
       "物流园区；职业技术学院实训基地",
       "装备制造项目按设备投资 8% 补助",
       {"郑国强", "0556-5620004", "园区管委会副主任"},
       {{"land", "大观园 DG-11 地块", "available", 15000, 200'000},
        {"factory", "装备制造标准厂房", "reserved", 6000, 12}}},
      {"AQ-YX-YQ",
       "生物医药与医疗器械特色园区，不接纳化工类项目。",
       {"医疗器械", "化学制剂"},
       {"27", "358"},
       {"25", "26"},
       {},
       "",
       2'500'000,
       200'000,
       4'000'000,
       30'000,
       10'000,
       10'000,
       10,
       "GMP 标准厂房；医药冷链仓储",
       "医疗器械注册证奖励最高 100 万元",
       {"刘海燕", "0556-5630005", "招商局副局长"},
       {{"land", "宜秀园 YX-08 地块", "available", 10000, 210'000},
        {"factory", "医疗器械标准厂房 5 号", "available", 10000, 14}}},
  };
  return k;
}

}  // namespace

auth::Principal DemoPrincipal(App& app, const std::string& login) {
  auto c = app.db().Acquire();
  auto u = org::store::FindUserByLogin(*c, login);
  if (!u) throw std::runtime_error("demo account missing: " + login);
  return auth::PrincipalOf(*u);
}

void LoadDemoMatching(App& app) {
  const Actor actor{0, "demo-loader", "", "cli", "demo"};
  const auth::Principal coordinator = DemoPrincipal(app, "coordinator");
  std::map<std::string, int64_t> unit, node;
  {
    auto c = app.db().Acquire();
    for (const auto& u : org::store::ListUnits(*c)) unit[u.code] = u.id;
  }
  std::map<int64_t, int64_t> industry_of_node;
  for (const auto& li : app.catalog().List())
    for (const auto& n : li.nodes) {
      node[n.name] = n.id;
      industry_of_node[n.id] = li.id;
    }
  for (const auto& d : Parks()) {
    matching::ParkProfile p;
    p.unit_id = unit.at(d.code);
    p.positioning = d.positioning;
    for (const char* n : d.nodes) {
      p.chain_node_ids.push_back(node.at(n));
      const int64_t li = industry_of_node.at(node.at(n));
      if (std::find(p.leading_industry_ids.begin(), p.leading_industry_ids.end(), li) ==
          p.leading_industry_ids.end())
        p.leading_industry_ids.push_back(li);
    }
    p.target_codes = d.targets;
    p.excluded_codes = d.excluded;
    p.redline_codes = d.redline;
    p.redline_note = d.redline_note;
    p.min_intensity_yuan_per_mu = d.intensity;
    p.min_tax_yuan_per_mu = d.tax;
    p.min_output_yuan_per_mu = d.output;
    p.power_kva = d.power;
    p.water_t_per_day = d.water;
    p.gas_m3_per_day = d.gas;
    p.steam_t_per_hour = d.steam;
    p.facilities = d.facilities;
    p.policies = d.policies;
    p.contacts = {d.contact};
    p.version = 0;
    Must(app.parks().Save(coordinator, p, actor), "park profile");
    for (const auto& k : d.carriers) {
      matching::Carrier c;
      c.kind = k.kind;
      c.name = k.name;
      c.status = k.status;
      if (c.kind == "land") {
        c.area_mu_x100 = k.size;
        c.price_yuan_per_mu = k.price;
        c.lease.clear();
      } else {
        c.floor_area_m2 = k.size;
        c.rent_yuan_per_m2_month = k.price;
        c.floors = 3;
        c.floor_load_kg_m2 = 1000;
        c.land_use.clear();
      }
      Must(app.parks().AddCarrier(coordinator, p.unit_id, c, actor), "carrier");
    }
  }

  // Projects already with a park reached it by an accepted routing.
  {
    pipeline::ProjectFilter all;
    all.limit = std::numeric_limits<int64_t>::max();
    int64_t total = 0;
    auto projects = Must(app.projects().List(coordinator, all, &total), "projects");
    std::sort(projects.begin(), projects.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    auto c = app.db().Acquire();
    const auto calendar = app.clocks().Calendar(*c);
    db::Transaction tx(*c, true);
    for (const auto& p : projects) {
      if (!p.receiving_unit_id) continue;
      pipeline::Routing r;
      r.project_id = p.id;
      r.park_id = *p.receiving_unit_id;
      r.reporting_unit_id = p.reporting_unit_id;
      r.routed_by = coordinator.user_id;
      r.routed_unit_id = coordinator.unit_id;
      r.routed_at = p.created_at + 7LL * 86'400'000;
      r.deadline = calendar->AddWorkingDays(pipeline::LocalDateOfMs(r.routed_at),
                                            pipeline::kDefaultRoutingDays);
      const int64_t id = pipeline::store::InsertRouting(*c, r);
      pipeline::store::DecideRouting(*c, id, "accepted", std::nullopt, std::nullopt,
                                     p.responsible_user_id.value_or(coordinator.user_id),
                                     r.routed_at + 86'400'000);
    }
    tx.Commit();
  }
  // Two declines elsewhere, so the statistics show reasons from the start.
  {
    pipeline::ProjectFilter newest_approved;
    newest_approved.stages = {"approved"};
    newest_approved.limit = 2;
    int64_t total = 0;
    auto approved = Must(app.projects().List(coordinator, newest_approved, &total), "approved");
    const std::pair<const char*, const char*> kDeclines[] = {{"AQ-GXQ", "no_carrier"},
                                                             {"AQ-DG-YQ", "below_threshold"}};
    for (size_t i = 0; i < approved.size() && i < 2; ++i) {
      auto r = Must(app.routing().Route(coordinator, approved[i].id, unit.at(kDeclines[i].first),
                                        "", approved[i].version, std::nullopt, actor),
                    "routing");
      Must(app.routing().Decline(coordinator, r.id, kDeclines[i].second, "", actor), "decline");
    }
  }

  // The pre-review panel and its open round with one project.
  const auth::Principal promoter = DemoPrincipal(app, "promoter");
  pipeline::ProjectInput in;
  in.name = "安庆新能源电池材料项目";
  in.investor_name = "湖南华电新能源材料股份有限公司";
  in.investor_origin = "湖南省长沙市";
  in.industry_code = "3985";
  in.chain_node_id = node.at("电池材料");
  in.total_investment = 1'200'000'000;
  in.fixed_investment = 900'000'000;
  in.land_mu_x100 = 15000;
  in.building_m2 = 60000;
  in.power_kva = 20000;
  in.jobs = 600;
  in.annual_output = 3'000'000'000;
  in.annual_tax = 60'000'000;
  in.source_channel = "resident_team";
  in.description = "年产 5 万吨锂电池正极材料前驱体及电子专用材料，分两期建设。";
  in.contacts = std::vector<pipeline::Contact>{{"赵海", "13807310001", "投资总监"}};
  auto project = Must(app.projects().Create(promoter, in, actor), "round project");
  pipeline::TransitionInput submit;
  submit.to = "in_review";
  submit.version = project.project.version;
  Must(app.workflow().Transition(promoter, project.project.id, submit, actor), "submit");
  review::PanelInput panel;
  panel.name = "安庆市招商项目预审专班";
  panel.members = std::vector<std::pair<int64_t, std::string>>{
      {DemoPrincipal(app, "receiver").user_id, "park"},
      {DemoPrincipal(app, "reviewer").user_id, "factor_department"},
      {DemoPrincipal(app, "expert").user_id, "academic"},
      {DemoPrincipal(app, "expert2").user_id, "enterprise"}};
  auto p = Must(app.review().CreatePanel(panel, actor), "panel");
  auto round = Must(app.review().CreateRound(coordinator, p.id, "2026年第12期项目预审会",
                                             "2026-12-10", {project.project.id}, actor),
                    "round");
  for (const char* login : {"receiver", "reviewer"}) {
    review::SheetInput s;
    for (const auto& k : round.criteria) s.scores[k.code] = 8;
    s.vote = "approve";
    s.comment = "产业契合，要素可保障，建议入库。";
    Must(app.review().SaveSheet(DemoPrincipal(app, login), round.summary.id, project.project.id, s,
                                actor),
         "sheet");
  }
}

}  // namespace zhaoshang
