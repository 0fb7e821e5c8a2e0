#include "zhaoshang/matching/fit.hpp"

#include <gtest/gtest.h>

#include "zhaoshang/catalog/catalog_types.hpp"

namespace zhaoshang::matching {
namespace {

std::vector<catalog::LeadingIndustry> Chains() {
  catalog::LeadingIndustry li{1, "新能源", "", 1, {}};
  li.nodes.push_back({10, 1, "上游", "电池材料", {"3841"}, 1});
  li.nodes.push_back({11, 1, "下游", "储能系统", {"4415"}, 1});
  return {li};
}

ParkProfile Park() {
  ParkProfile p;
  p.unit_id = 7;
  p.unit_name = "安庆经济技术开发区";
  p.target_codes = {"3612"};
  p.chain_node_ids = {10};
  p.excluded_codes = {"2511"};
  p.redline_codes = {"26"};
  p.redline_note = "化工园区外不新增化工项目";
  p.min_intensity_yuan_per_mu = 3'000'000;  // 300 万元/亩
  p.min_tax_yuan_per_mu = 200'000;          // 20 万元/亩
  p.power_kva = 20000;
  Carrier a;
  a.name = "A地块";
  a.area_mu_x100 = 8000;
  Carrier b;
  b.name = "B地块";
  b.area_mu_x100 = 15000;
  b.status = "reserved";
  Carrier f;
  f.kind = "factory";
  f.name = "3号标准厂房";
  f.floor_area_m2 = 5000;
  p.carriers = {a, b, f};
  return p;
}

Needs Project(const std::string& code) {
  Needs n;
  n.industry_code = code;
  n.land_mu_x100 = 10000;            // 100 亩
  n.fixed_investment = 240'000'000;  // 2.4 亿 → 240 万元/亩
  n.annual_tax = 25'000'000;         // 2500 万 → 25 万元/亩
  n.power_kva = 8000;
  return n;
}

const Component& Part(const Fit& f, const std::string& key) {
  for (const auto& c : f.components)
    if (c.key == key) return c;
  throw std::runtime_error("no component " + key);
}

TEST(Fit, HandComputedScoreWithReasons) {
  Fit f = Score(Park(), Project("3612"), Weights{}, Chains());
  EXPECT_DOUBLE_EQ(Part(f, "industry").score, 1.0);
  EXPECT_EQ(Part(f, "industry").reasons[0].code, "industry_same_code");
  // 100 亩 needed, the available parcel has 80 (the 150 亩 one is reserved): 0.5 × 80 / 100.
  EXPECT_NEAR(Part(f, "carrier").score, 0.4, 1e-9);
  EXPECT_EQ(Part(f, "carrier").reasons[0].code, "land_short");
  EXPECT_EQ(std::get<double>(Part(f, "carrier").reasons[0].params[0].second), 80.0);
  // Intensity 240 of 300 → 0.8; tax 25 of 20 → 1.0; mean 0.9.
  EXPECT_NEAR(Part(f, "threshold").score, 0.9, 1e-9);
  EXPECT_EQ(Part(f, "threshold").reasons[0].code, "intensity_low");
  EXPECT_EQ(std::get<double>(Part(f, "threshold").reasons[0].params[0].second), 240.0);
  EXPECT_EQ(Part(f, "threshold").reasons[1].code, "tax_ok");
  EXPECT_DOUBLE_EQ(Part(f, "utility").score, 1.0);
  EXPECT_EQ(Part(f, "utility").reasons[0].code, "power_ok");
  // (40 × 1 + 25 × 0.4 + 25 × 0.9 + 10 × 1) / 100 = 82.5 → 83.
  EXPECT_EQ(f.score, 83);
  EXPECT_FALSE(f.excluded);
}

TEST(Fit, IndustryLevels) {
  auto industry = [](const std::string& code, std::optional<int64_t> node = std::nullopt) {
    Needs n = Project(code);
    n.chain_node_id = node;
    Fit f = Score(Park(), n, Weights{}, Chains());
    return std::make_pair(Part(f, "industry").score, Part(f, "industry").reasons[0].code);
  };
  EXPECT_EQ(industry("3841"), std::make_pair(0.9, std::string("industry_chain_node")));
  EXPECT_EQ(industry("4415", 11), std::make_pair(0.7, std::string("industry_leading")));
  EXPECT_EQ(industry("3619"), std::make_pair(0.5, std::string("industry_same_division")));
  EXPECT_EQ(industry("3311"), std::make_pair(0.2, std::string("industry_same_section")));
  EXPECT_EQ(industry("0111"), std::make_pair(0.0, std::string("industry_none")));
  // No targets, chain nodes or leading industries: unknown, never half marks.
  ParkProfile untold = Park();
  untold.target_codes.clear();
  untold.chain_node_ids.clear();
  Fit f = Score(untold, Project("0111"), Weights{}, Chains());
  EXPECT_DOUBLE_EQ(Part(f, "industry").score, 0.0);
  EXPECT_TRUE(Part(f, "industry").unknown);
  EXPECT_EQ(Part(f, "industry").reasons[0].code, "industry_unknown");
  EXPECT_EQ(f.unknown, std::vector<std::string>{"industry"});
  EXPECT_FALSE(f.profile_empty);
}

TEST(Fit, CarriersThresholdsAndUtilities) {
  Needs n = Project("3612");
  n.land_mu_x100 = 0;
  n.building_m2 = 3000;
  n.power_kva = 0;
  Fit f = Score(Park(), n, Weights{}, Chains());
  EXPECT_DOUBLE_EQ(Part(f, "carrier").score, 1.0);
  EXPECT_EQ(Part(f, "carrier").reasons[0].code, "factory_fits");
  EXPECT_EQ(Part(f, "threshold").reasons[0].code, "threshold_no_land");
  EXPECT_EQ(Part(f, "utility").reasons[0].code, "power_no_need");
  // Land 70 亩 fits parcel A; 8000 m² of factory is short (0.5 × 5000 / 8000): mean.
  n.land_mu_x100 = 7000;
  n.building_m2 = 8000;
  f = Score(Park(), n, Weights{}, Chains());
  EXPECT_NEAR(Part(f, "carrier").score, (1.0 + 0.5 * 5000 / 8000) / 2, 1e-9);
  // Every land parcel taken: known, and none fits.
  ParkProfile full = Park();
  for (auto& k : full.carriers) k.status = "used";
  f = Score(full, Project("3612"), Weights{}, Chains());
  EXPECT_DOUBLE_EQ(Part(f, "carrier").score, 0.0);
  EXPECT_EQ(Part(f, "carrier").reasons[0].code, "land_none");
  EXPECT_FALSE(Part(f, "carrier").unknown);
  // Nothing recorded: no carriers, no minimums, no capacity — each unknown, scored 0.
  ParkProfile bare = Park();
  bare.carriers.clear();
  bare.power_kva = 0;
  bare.min_intensity_yuan_per_mu = bare.min_tax_yuan_per_mu = 0;
  f = Score(bare, Project("3612"), Weights{}, Chains());
  EXPECT_DOUBLE_EQ(Part(f, "carrier").score, 0.0);
  EXPECT_EQ(Part(f, "carrier").reasons[0].code, "land_unknown");
  EXPECT_DOUBLE_EQ(Part(f, "threshold").score, 0.0);
  EXPECT_EQ(Part(f, "threshold").reasons[0].code, "threshold_unknown");
  EXPECT_DOUBLE_EQ(Part(f, "utility").score, 0.0);
  EXPECT_EQ(Part(f, "utility").reasons[0].code, "power_unknown");
  EXPECT_EQ(f.unknown, (std::vector<std::string>{"carrier", "threshold", "utility"}));
  // Only the industry is known: 40 of 100.
  EXPECT_EQ(f.score, 40);
  // A factory need without any factory recorded is unknown too.
  Needs factory = Project("3612");
  factory.land_mu_x100 = 0;
  factory.building_m2 = 3000;
  f = Score(bare, factory, Weights{}, Chains());
  EXPECT_EQ(Part(f, "carrier").reasons[0].code, "factory_unknown");
  ParkProfile small = Park();
  small.power_kva = 4000;
  f = Score(small, Project("3612"), Weights{}, Chains());
  EXPECT_DOUBLE_EQ(Part(f, "utility").score, 0.5);
  EXPECT_EQ(Part(f, "utility").reasons[0].code, "power_short");
}

TEST(Fit, ExclusionsAreNotLowScoresAndRankLast) {
  Fit excluded = Score(Park(), Project("2511"), Weights{}, Chains());
  ASSERT_TRUE(excluded.excluded);
  EXPECT_EQ(excluded.exclusions[0].code, "excluded_industry");
  EXPECT_GT(excluded.score, 0);
  Fit redline = Score(Park(), Project("2614"), Weights{}, Chains());
  ASSERT_TRUE(redline.excluded);
  EXPECT_EQ(redline.exclusions[0].code, "redline");
  EXPECT_EQ(std::get<std::string>(redline.exclusions[0].params[2].second),
            "化工园区外不新增化工项目");
  Fit weak = Score(Park(), Project("0111"), Weights{}, Chains());
  weak.unit_name = "乙";
  excluded.score = 99;
  std::vector<Fit> fits = {excluded, weak};
  Rank(fits);
  EXPECT_FALSE(fits[0].excluded);
  EXPECT_TRUE(fits[1].excluded);
}

TEST(Fit, AnEmptyProfileScoresNothingAndNeverOutranksARealPark) {
  ParkProfile empty;
  empty.unit_id = 9;
  empty.unit_name = "大观区";  // sorts before 宜秀区 by name: the rank must not rely on names
  EXPECT_TRUE(ProfileIsEmpty(empty));
  EXPECT_FALSE(ProfileIsEmpty(Park()));
  // A project that needs nothing but an industry: every need-free component would be full.
  Needs light;
  light.industry_code = "0111";
  Fit blank = Score(empty, light, Weights{}, Chains());
  EXPECT_TRUE(blank.profile_empty);
  EXPECT_EQ(blank.score, 0);
  EXPECT_EQ(blank.unknown, std::vector<std::string>{"industry"});
  // A real park where the project fits nothing still ranks first.
  ParkProfile real = Park();
  real.unit_name = "宜秀区";
  Fit poor = Score(real, light, Weights{}, Chains());
  EXPECT_FALSE(poor.profile_empty);
  EXPECT_EQ(Part(poor, "industry").reasons[0].code, "industry_none");
  std::vector<Fit> fits = {blank, poor};
  Rank(fits);
  EXPECT_EQ(fits[0].unit_name, "宜秀区");
  EXPECT_EQ(fits[1].unit_name, "大观区");
  // At an equal score the park with fewer unknown components goes first.
  Fit a = poor, b = poor;
  a.unit_name = "甲";
  a.unknown = {"threshold"};
  b.unit_name = "乙";
  fits = {a, b};
  Rank(fits);
  EXPECT_EQ(fits[0].unit_name, "乙");
}

TEST(Fit, WeightsChangeTheTotal) {
  Weights only_industry{100, 0, 0, 0};
  EXPECT_EQ(Score(Park(), Project("3619"), only_industry, Chains()).score, 50);
  Weights none{0, 0, 0, 0};
  EXPECT_EQ(Score(Park(), Project("3612"), none, Chains()).score, 0);
}

}  // namespace
}  // namespace zhaoshang::matching
