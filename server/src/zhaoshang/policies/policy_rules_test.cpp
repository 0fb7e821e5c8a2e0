#include "zhaoshang/policies/policy_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::policies {
namespace {

// 新能源汽车整车 (3612) in 安庆经开区 (unit 7, under 安庆市 1), 12 亿元, 300 亩, domestic.
ProjectFacts Vehicle() {
  ProjectFacts f;
  f.industry_path = {"3612", "361", "36", "C"};
  f.total_investment = 1'200'000'000;
  f.land_mu_x100 = 30'000;
  f.location_units = {7, 1};
  f.location_known = true;
  return f;
}

Policy Manufacturing() {
  Policy p;
  p.level = "city";
  p.effective_from = "2026-01-01";
  p.expires_on = "2027-12-31";
  p.conditions.industry_codes = {"C"};
  p.conditions.min_investment_yuan = 500'000'000;
  p.conditions.land = "needs_land";
  p.conditions.location_unit_ids = {7};
  return p;
}

std::vector<std::string> Codes(const std::vector<Reason>& rs) {
  std::vector<std::string> out;
  out.reserve(rs.size());
  for (const auto& r : rs) out.push_back(r.code);
  return out;
}

TEST(PolicyMatcher, AProjectMeetingEveryConditionMatchesWithTheReasons) {
  auto m = MatchPolicy(Manufacturing(), PolicyState::kCurrent, Vehicle());
  EXPECT_EQ(m.fit, Fit::kMatch);
  EXPECT_EQ(Codes(m.met),
            (std::vector<std::string>{"industry_in", "investment_met", "uses_land", "located_in"}));
  EXPECT_TRUE(m.missing.empty());
  EXPECT_EQ(std::get<std::string>(m.met[0].params[0].second), "C");
}

TEST(PolicyMatcher, OneConditionShortIsANearMissSayingWhatIsMissing) {
  ProjectFacts f = Vehicle();
  f.total_investment = 300'000'000;  // 3 亿元 < 5 亿元
  auto m = MatchPolicy(Manufacturing(), PolicyState::kCurrent, f);
  EXPECT_EQ(m.fit, Fit::kNearMiss);
  ASSERT_EQ(m.missing.size(), 1u);
  EXPECT_EQ(m.missing[0].code, "investment_below");
  EXPECT_EQ(std::get<int64_t>(m.missing[0].params[0].second), 500'000'000);
  EXPECT_EQ(std::get<int64_t>(m.missing[0].params[1].second), 300'000'000);
  // Two conditions short: no near miss.
  f.land_mu_x100 = 0;
  EXPECT_EQ(MatchPolicy(Manufacturing(), PolicyState::kCurrent, f).fit, Fit::kNone);
}

TEST(PolicyMatcher, IndustryCodesMatchAtAnyLevelOfTheTree) {
  Policy p = Manufacturing();
  p.conditions = {};
  p.conditions.industry_codes = {"3841", "361"};  // batteries, or vehicle manufacturing
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, Vehicle()).fit, Fit::kMatch);
  p.conditions.industry_codes = {"3841"};
  auto m = MatchPolicy(p, PolicyState::kCurrent, Vehicle());
  EXPECT_EQ(m.fit, Fit::kNearMiss);
  EXPECT_EQ(m.missing[0].code, "industry_outside");
  // "36" is not a prefix match of "361x" by text but a division above it; "3" is no code.
  p.conditions.industry_codes = {"3"};
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, Vehicle()).fit, Fit::kNearMiss);
}

TEST(PolicyMatcher, LandLocationAndForeignConditions) {
  Policy p = Manufacturing();
  p.conditions = {};
  p.conditions.land = "no_new_land";  // 技改、租赁厂房
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, Vehicle()).missing[0].code, "new_land_used");
  ProjectFacts f = Vehicle();
  f.land_mu_x100 = 0;
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, f).fit, Fit::kMatch);

  p.conditions = {};
  p.conditions.location_unit_ids = {1};  // the city: every park under it
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, Vehicle()).fit, Fit::kMatch);
  p.conditions.location_unit_ids = {9};
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, Vehicle()).missing[0].code, "located_outside");
  f = Vehicle();
  f.location_units.clear();
  f.location_known = false;  // a lead not yet placed
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, f).missing[0].code, "location_unknown");

  p.conditions = {};
  p.conditions.foreign = "foreign_only";
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, Vehicle()).missing[0].code, "foreign_required");
  f = Vehicle();
  f.foreign = true;
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, f).fit, Fit::kMatch);
  p.conditions.foreign = "domestic_only";
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, f).missing[0].code, "domestic_required");
}

TEST(PolicyMatcher, APolicyWithoutConditionsMatchesEveryoneButOnlyWhileInForce) {
  Policy p = Manufacturing();
  p.conditions = {};
  EXPECT_EQ(MatchPolicy(p, PolicyState::kCurrent, Vehicle()).fit, Fit::kMatch);
  EXPECT_EQ(MatchPolicy(p, PolicyState::kExpiring, Vehicle()).fit, Fit::kMatch);
  for (PolicyState s : {PolicyState::kExpired, PolicyState::kUpcoming, PolicyState::kRepealed}) {
    auto m = MatchPolicy(p, s, Vehicle());
    EXPECT_EQ(m.fit, Fit::kNone) << PolicyStateName(s);
    EXPECT_EQ(m.missing[0].code, "not_in_force");
  }
}

// The matcher's first pass counts what MatchPolicy would list, for every combination of the
// conditions against projects that meet and miss each.
TEST(PolicyMatcher, MissingCountAgreesWithTheReasons) {
  const std::vector<std::vector<std::string>> codes = {{}, {"C"}, {"26"}, {"3612", "27"}};
  const std::vector<std::optional<int64_t>> mins = {std::nullopt, 500'000'000, 5'000'000'000};
  const char* lands[] = {"any", "needs_land", "no_new_land"};
  const std::vector<std::vector<int64_t>> places = {{}, {7}, {9}};
  const char* foreigns[] = {"any", "foreign_only", "domestic_only"};
  int checked = 0;
  for (const auto& code : codes)
    for (const auto& min : mins)
      for (const char* land : lands)
        for (const auto& place : places)
          for (const char* foreign : foreigns)
            for (int variant = 0; variant < 4; ++variant) {
              Policy p = Manufacturing();
              p.conditions.industry_codes = code;
              p.conditions.min_investment_yuan = min;
              p.conditions.land = land;
              p.conditions.location_unit_ids = place;
              p.conditions.foreign = foreign;
              ProjectFacts f = Vehicle();
              f.land_mu_x100 = variant & 1 ? 0 : 30'000;
              f.foreign = variant & 2;
              if (variant == 3) f.location_known = false, f.location_units.clear();
              const PolicyMatch m = MatchPolicy(p, PolicyState::kCurrent, f);
              ASSERT_EQ(MissingCount(p, f), static_cast<int>(m.missing.size()))
                  << code.size() << " " << land << " " << foreign << " " << variant;
              ++checked;
            }
  EXPECT_EQ(checked, 4 * 3 * 3 * 3 * 3 * 4);
}

TEST(PolicyState, NinetyDaysBeforeTheEndAPolicyIsExpiring) {
  Policy p = Manufacturing();  // 2026-01-01 … 2027-12-31
  EXPECT_EQ(StateOf(p, "2025-12-31"), PolicyState::kUpcoming);
  EXPECT_EQ(StateOf(p, "2026-01-01"), PolicyState::kCurrent);
  EXPECT_EQ(StateOf(p, "2027-10-01"), PolicyState::kCurrent);   // 91 days before
  EXPECT_EQ(StateOf(p, "2027-10-02"), PolicyState::kExpiring);  // 90 days before
  EXPECT_EQ(StateOf(p, "2027-12-31"), PolicyState::kExpiring);  // its last day
  EXPECT_EQ(StateOf(p, "2028-01-01"), PolicyState::kExpired);
  p.expires_on.reset();
  EXPECT_EQ(StateOf(p, "2099-01-01"), PolicyState::kCurrent);  // open-ended
  p.repealed = true;
  EXPECT_EQ(StateOf(p, "2026-06-01"), PolicyState::kRepealed);
}

TEST(PolicyCheck, ExpiryBeforeStartAndBadValuesAreRefused) {
  Policy p = Manufacturing();
  EXPECT_TRUE(CheckPolicy(p).empty());
  p.expires_on = "2025-12-31";
  EXPECT_EQ(CheckPolicy(p)["expires_on"], "before_start");
  p.expires_on = "2026-02-30";
  EXPECT_EQ(CheckPolicy(p)["expires_on"], "invalid_value");
  p = Manufacturing();
  p.level = "county";
  p.conditions.land = "some";
  p.conditions.min_investment_yuan = 0;
  p.grants = {{"subsidy", 101, 0, "x"}, {"gift", std::nullopt, std::nullopt, ""}};
  auto bad = CheckPolicy(p);
  EXPECT_EQ(bad["level"], "invalid_value");
  EXPECT_EQ(bad["conditions.land"], "invalid_value");
  EXPECT_EQ(bad["conditions.min_investment_yuan"], "invalid_value");
  EXPECT_EQ(bad["grants.0.rate_pct"], "invalid_value");
  EXPECT_EQ(bad["grants.0.cap_yuan"], "invalid_value");
  EXPECT_EQ(bad["grants.1.kind"], "invalid_value");
}

}  // namespace
}  // namespace zhaoshang::policies
