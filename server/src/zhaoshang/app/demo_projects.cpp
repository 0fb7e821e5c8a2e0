#include "zhaoshang/app/demo_projects.hpp"

#include <array>
#include <map>

#include <fmt/format.h>

#include "zhaoshang/catalog/catalog_store.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/pipeline/deadlines.hpp"
#include "zhaoshang/pipeline/investor_name.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/uscc.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang {
namespace {
using pipeline::Project;

struct Rng {
  uint64_t x;
  uint64_t Next() { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; }
  int64_t Uniform(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>((Next() >> 33) % uint64_t(hi - lo + 1));
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[(Next() >> 33) % v.size()];
  }
};

const std::vector<std::string> kRegions = {"上海", "深圳", "杭州", "苏州", "合肥", "南京",
                                           "宁波", "无锡", "广州", "武汉", "北京", "常州",
                                           "安庆", "芜湖", "东莞", "成都"};
const std::vector<std::string> kCores = {
    "远景", "华鑫", "中科", "国轩", "星源", "恒创", "宜城", "天成", "瑞丰", "海博",
    "龙腾", "博远", "正泰", "晶科", "盛弘", "鼎胜", "宏达", "金禾", "思源", "卓越",
    "长青", "蓝海", "凯瑞", "华峰", "同创", "启明", "昌盛", "永联", "嘉诚", "科达"};
const std::vector<std::string> kForms = {"有限公司", "股份有限公司", "集团有限公司",
                                         "科技有限公司"};
const std::vector<std::string> kSuffixes = {"生产线项目", "产业园项目",   "研发及制造基地项目",
                                            "扩产项目",   "智能工厂项目", "总部及生产基地项目"};
const std::vector<std::string> kSummaries = {
    "电话沟通项目进展，投资方关注土地指标和电力容量", "赴投资方总部拜访，介绍园区产业配套和政策",
    "接待投资方考察园区标准厂房和待供地块",           "召开项目推进会，梳理要素保障需求清单",
    "陪同投资方实地踏勘地块，讨论用地规模",           "与投资方法务对接合同条款"};
const std::vector<std::string> kPeople = {"王", "李", "张", "刘", "陈",
                                          "杨", "赵", "黄", "周", "吴"};

struct Unit {
  int64_t id;
  std::string name;
};
struct Person {
  int64_t user_id, unit_id;
};

std::string Uscc(Rng& r, const std::string& region6) {
  static const std::string kAlpha = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string s = "91" + region6;
  for (int i = 0; i < 9; ++i) s += kAlpha[r.Uniform(0, i == 8 ? 30 : 9)];
  return s + pipeline::UsccCheckCharacter(s);
}

// The stage path up to the target; side states branch off an active stage.
std::vector<std::string> PathTo(const std::string& target, Rng& r, std::string* before) {
  static const std::vector<std::string> kMain = {
      "lead", "in_review", "approved", "negotiating", "signed", "construction", "production"};
  std::vector<std::string> path;
  std::string end = target;
  if (target == "rejected") {
    path = {"lead", "in_review", "rejected"};
    return path;
  }
  if (target == "shelved" || target == "lost") end = kMain[r.Uniform(0, 4)];
  for (const auto& s : kMain) {
    path.push_back(s);
    if (s == end) break;
  }
  if (end != target) {
    *before = end;
    path.push_back(target);
  }
  return path;
}
}  // namespace

void LoadDemoProjects(App& app, const ProjectGenSpec& spec) {
  auto lease = app.db().Acquire();
  db::Connection& c = *lease;
  const int64_t now = app.clock().NowMs();
  Rng r{spec.seed};

  std::vector<Unit> parks;
  std::map<int64_t, std::optional<int64_t>> district_of;  // park → its district, if any
  {
    auto units = org::store::ListUnits(c);
    std::map<int64_t, org::Unit> by_id;
    for (const auto& u : units) by_id[u.id] = u;
    for (const auto& u : units) {
      if (u.kind != "park") continue;
      parks.push_back({u.id, u.name});
      district_of[u.id] =
          u.parent_id && by_id[*u.parent_id].kind == "district" ? u.parent_id : std::nullopt;
    }
  }
  std::vector<pipeline::Event> events;
  std::vector<pipeline::Activity> activities;
  auto flush = [&](bool force) {
    if (!force && activities.size() < 5000) return;
    pipeline::store::AddEvents(c, events);
    pipeline::store::AddActivities(c, activities);
    events.clear();
    activities.clear();
  };
  std::vector<Person> promoters;
  for (const auto& [user, unit] : org::store::UsersWithRole(c, "promoter"))
    promoters.push_back({user, unit});
  std::map<int64_t, int64_t> receiver_of_park;
  for (const auto& [user, unit] : org::store::UsersWithRole(c, "receiver"))
    receiver_of_park.emplace(unit, user);
  std::optional<int64_t> coord;
  if (auto cs = org::store::UsersWithRole(c, "coordinator"); !cs.empty()) coord = cs.front().first;
  struct Node {
    int64_t id, industry;
    std::string name, code;
  };
  std::vector<Node> nodes;
  for (const auto& n : catalog::store::ListNodes(c))
    nodes.push_back({n.id, n.leading_industry_id, n.name, n.codes.empty() ? "" : n.codes.front()});
  if (parks.empty() || promoters.empty() || nodes.empty())
    throw std::runtime_error("demo projects need parks, promoters and chain nodes");
  const int64_t actor = coord.value_or(promoters.front().user_id);
  auto days = pipeline::DefaultDeadlineDays();
  const auto calendar = app.clocks().Calendar(c);
  const int large_lead_days = clocks::ClockService::DaysFor(c, clocks::kLeadJudgementLarge);
  const auto& catalog = catalog::Industries::Embedded();

  // Stage mix of a city's pipeline: many leads, fewer at every later stage.
  const std::vector<std::pair<std::string, int>> kMix = {
      {"lead", 20},   {"in_review", 12},    {"approved", 10},  {"negotiating", 18},
      {"signed", 12}, {"construction", 10}, {"production", 8}, {"rejected", 4},
      {"shelved", 4}, {"lost", 2}};
  std::vector<std::string> stages;
  for (const auto& [s, w] : kMix)
    for (int i = 0; i < w; ++i) stages.push_back(s);

  constexpr int64_t kDay = 86'400'000;
  db::Transaction tx(c, true);
  std::vector<int64_t> ids;
  auto make = [&](int n, const std::string& stage_target, const std::string& name,
                  const std::string& investor, const Node& node, const Person& who,
                  std::optional<Unit> park_opt) {
    Project p;
    p.name = name;
    p.investor_name = investor;
    p.investor_norm = pipeline::NormalizeInvestorName(investor);
    if (r.Uniform(0, 3) > 0) p.uscc = Uscc(r, r.Uniform(0, 1) ? "310000" : "340800");
    p.investor_origin = r.Uniform(0, 9) == 0 ? "境外·德国" : r.Pick(kRegions);
    p.foreign = p.investor_origin.rfind("境外", 0) == 0;
    p.industry_code = catalog.Find(node.code) ? node.code : "3612";
    auto path = catalog.PathOf(p.industry_code);
    p.industry_section = path->section;
    p.industry_division = path->division;
    p.industry_group = path->group;
    p.chain_node_id = node.id;
    p.leading_industry_id = node.industry;
    const int64_t yi = 100'000'000;
    p.total_investment = r.Uniform(5, 600) * yi / 10;  // 0.5–60 亿
    p.fixed_investment = p.total_investment / 100 * r.Uniform(60, 85);
    p.land_mu_x100 = r.Uniform(20, 500) * 100;
    p.building_m2 = r.Uniform(5, 200) * 1000;
    p.power_kva = r.Uniform(1, 40) * 1000;
    p.jobs = r.Uniform(50, 2000);
    p.annual_output = p.total_investment / 10 * r.Uniform(8, 25);
    p.annual_tax = p.annual_output / 100 * r.Uniform(3, 8);
    static const std::vector<std::string> kChannels = {
        "resident_team", "business_referral", "exhibition", "online", "agency",
        "visit",         "government"};
    p.source_channel = r.Pick(kChannels);
    p.reporting_unit_id = who.unit_id;
    p.promoter_id = who.user_id;
    const Unit park = park_opt ? *park_opt : r.Pick(parks);
    if (r.Uniform(0, 1)) p.preferred_unit_id = park.id;
    p.description = fmt::format("{}拟投资建设{}，主要生产{}相关产品。", investor, name, node.name);
    p.contacts = {{r.Pick(kPeople) + (r.Uniform(0, 1) ? "总" : "经理"),
                   fmt::format("13{}{:08}", r.Uniform(0, 9), r.Uniform(0, 99'999'999)),
                   "投资负责人"}};
    std::string before;
    auto path_stages = PathTo(stage_target, r, &before);
    // Created 20–400 days ago; each step later than the one before.
    int64_t t = now - r.Uniform(20, 400) * kDay;
    p.created_at = t;
    std::vector<std::pair<std::string, int64_t>> steps;
    for (size_t i = 0; i < path_stages.size(); ++i) {
      if (i > 0) t = std::min(now - kDay, t + r.Uniform(3, 40) * kDay);
      steps.emplace_back(path_stages[i], t);
    }
    p.stage = path_stages.back();
    p.stage_since = steps.back().second;
    if (!before.empty()) p.stage_before = before;
    p.responsible_user_id = who.user_id;
    p.responsible_unit_id = who.unit_id;
    auto reached = [&](const char* s) {
      for (const auto& [st, at] : steps)
        if (st == s) return true;
      return false;
    };
    auto date_at = [&](const char* s) {
      for (const auto& [st, at] : steps)
        if (st == s) return pipeline::LocalDateOfMs(at);
      return pipeline::LocalDateOfMs(now);
    };
    if (reached("negotiating")) {
      p.receiving_unit_id = park.id;
      p.responsible_unit_id = park.id;
      auto rec = receiver_of_park.find(park.id);
      p.responsible_user_id =
          rec == receiver_of_park.end() ? std::nullopt : std::optional(rec->second);
      p.district_id = district_of[park.id];
    }
    if (reached("signed")) {
      p.signing_date = date_at("signed");
      p.contracted_investment = p.total_investment / 100 * r.Uniform(85, 100);
    }
    if (reached("construction")) p.construction_date = date_at("construction");
    if (reached("production")) p.production_date = date_at("production");
    if (p.stage == "rejected") p.close_reason_code = "industry_mismatch";
    if (p.stage == "shelved") p.close_reason_code = "awaiting_factors";
    if (p.stage == "lost") {
      p.close_reason_code = "went_elsewhere";
      p.close_reason = "投资方选择了土地价格更低的周边城市";
    }
    p.step_deadline = pipeline::StageDeadlineOf(*calendar, days, large_lead_days, p,
                                                pipeline::LocalDateOfMs(p.stage_since));
    p.updated_at = p.stage_since;
    p.band = pipeline::InvestmentBand(p.total_investment);
    p.id = pipeline::store::Insert(c, p);
    pipeline::store::AddPromoter(c, p.id, who.user_id, who.unit_id, "first", p.created_at);
    pipeline::store::ReplaceContacts(c, p.id, p.contacts);
    pipeline::store::InsertGrams(c, p.id, pipeline::Bigrams(p.investor_norm));
    events.push_back({0, p.id, p.created_at, "created", who.user_id, "", std::nullopt, "lead",
                      std::nullopt, std::nullopt, "{}"});
    for (size_t i = 1; i < steps.size(); ++i)
      events.push_back({0, p.id, steps[i].second, "transition", actor, "", steps[i - 1].first,
                        steps[i].first, i + 1 == steps.size() ? p.close_reason_code : std::nullopt,
                        std::nullopt, "{}"});
    int acts = static_cast<int>(r.Uniform(1, spec.activities_per_project * 2 - 1));
    for (int a = 0; a < acts; ++a) {
      static const std::vector<std::string> kKinds = {"call", "visit", "reception", "meeting",
                                                      "inspection"};
      int64_t at = p.created_at + (p.stage_since - p.created_at) * (a + 1) / (acts + 1);
      activities.push_back({0, p.id, r.Pick(kKinds), pipeline::LocalDateOfMs(at),
                            "投资方代表、" + std::string(n % 2 ? "招商人" : "园区招商部"),
                            r.Pick(kSummaries), "继续跟进", std::nullopt, std::nullopt, who.user_id,
                            "", at});
    }
    if (reached("construction")) {
      int64_t amount = p.fixed_investment / 100 * r.Uniform(10, 60);
      activities.push_back({0, p.id, "capital", date_at("construction"), "", "首期到位资金", "",
                            std::nullopt, amount, who.user_id, "", steps.back().second});
      pipeline::store::AddCapital(c, p.id, amount);
    }
    ids.push_back(p.id);
    flush(false);
    return p.id;
  };

  auto unit_by_name = [&](const std::string& name) -> std::optional<Unit> {
    for (const auto& u : parks)
      if (u.name == name) return u;
    return std::nullopt;
  };
  auto person = [&](const std::string& login) -> std::optional<Person> {
    auto u = org::store::FindUserByLogin(c, login);
    return u ? std::optional(Person{u->id, u->unit_id}) : std::nullopt;
  };
  auto node_named = [&](const std::string& name) {
    for (const auto& n : nodes)
      if (n.name == name) return n;
    return nodes.front();
  };

  if (spec.demo_city) {
    // The examples the guide and the browser tests rely on.
    auto yx = person("yxpromoter"), jk = person("jkpromoter");
    auto jkq = unit_by_name("安庆经济技术开发区");
    if (yx && jk && jkq) {
      make(0, "negotiating", "动力电池PACK生产线项目", "上海申能动力电池股份有限公司",
           node_named("动力电池"), *yx, jkq);
      make(1, "negotiating", "新能源汽车电机项目", "皖宜驱动电机有限公司", node_named("驱动电机"),
           *jk, jkq);
    }
  }
  for (int i = 0; (int)ids.size() < spec.projects; ++i) {
    const Node& node = r.Pick(nodes);
    const std::string& core = r.Pick(kCores);
    std::string investor = r.Pick(kRegions) + core + node.name + r.Pick(kForms);
    std::string name = core + node.name + r.Pick(kSuffixes);
    make(i, r.Pick(stages), name, investor, node, r.Pick(promoters), std::nullopt);
  }
  flush(true);
  pipeline::store::RebuildGramStats(c);
  // Collisions (撞单): a second unit reported some investors too and joined as co-promoter.
  for (size_t k = 3; k < ids.size(); k += 11) {
    const Person& other = promoters[(k / 11) % promoters.size()];
    if (!pipeline::store::IsPromoter(c, ids[k], other.user_id)) {
      pipeline::store::AddPromoter(c, ids[k], other.user_id, other.unit_id, "co", now - 5 * kDay);
      pipeline::store::AddEvent(c, {0, ids[k], now - 5 * kDay, "promoter_joined", other.user_id, "",
                                    std::nullopt, std::nullopt, std::nullopt, std::nullopt, "{}"});
    }
  }
  tx.Commit();
}

}  // namespace zhaoshang
