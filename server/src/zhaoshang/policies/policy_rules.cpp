#include "zhaoshang/policies/policy_rules.hpp"

#include <algorithm>

#include "zhaoshang/core/date.hpp"

namespace zhaoshang::policies {

bool IsOneOf(std::string_view v, const std::string_view* begin, const std::string_view* end) {
  return std::find(begin, end, v) != end;
}

std::string_view PolicyStateName(PolicyState s) {
  switch (s) {
    case PolicyState::kCurrent:
      return "current";
    case PolicyState::kExpiring:
      return "expiring";
    case PolicyState::kExpired:
      return "expired";
    case PolicyState::kUpcoming:
      return "upcoming";
    case PolicyState::kRepealed:
      return "repealed";
  }
  return "current";
}

std::string ExpiringThrough(const std::string& today) { return AddDays(today, kExpiringDays); }

PolicyState StateOf(const Policy& p, const std::string& today) {
  if (p.repealed) return PolicyState::kRepealed;
  if (p.effective_from > today) return PolicyState::kUpcoming;
  if (p.expires_on && *p.expires_on < today) return PolicyState::kExpired;
  if (p.expires_on && *p.expires_on <= ExpiringThrough(today)) return PolicyState::kExpiring;
  return PolicyState::kCurrent;
}

std::map<std::string, std::string> CheckPolicy(const Policy& p) {
  std::map<std::string, std::string> bad;
  if (!IsOneOf(p.level, kLevels)) bad["level"] = "invalid_value";
  if (!IsIsoDate(p.effective_from)) bad["effective_from"] = "invalid_value";
  if (p.expires_on) {
    if (!IsIsoDate(*p.expires_on))
      bad["expires_on"] = "invalid_value";
    else if (IsIsoDate(p.effective_from) && *p.expires_on < p.effective_from)
      bad["expires_on"] = "before_start";
  }
  const Conditions& c = p.conditions;
  if (c.industry_codes.size() > kMaxIndustryCodes) bad["conditions.industry_codes"] = "too_many";
  if (c.location_unit_ids.size() > kMaxLocations) bad["conditions.location_unit_ids"] = "too_many";
  if (c.min_investment_yuan && *c.min_investment_yuan <= 0)
    bad["conditions.min_investment_yuan"] = "invalid_value";
  if (!IsOneOf(c.land, kLandConditions)) bad["conditions.land"] = "invalid_value";
  if (!IsOneOf(c.foreign, kForeignConditions)) bad["conditions.foreign"] = "invalid_value";
  if (p.grants.size() > kMaxGrants) bad["grants"] = "too_many";
  for (size_t i = 0; i < p.grants.size(); ++i) {
    const Grant& g = p.grants[i];
    const std::string at = "grants." + std::to_string(i) + ".";
    if (!IsOneOf(g.kind, kGrantKinds)) bad[at + "kind"] = "invalid_value";
    if (g.rate_pct && (*g.rate_pct < 1 || *g.rate_pct > 100))
      bad[at + "rate_pct"] = "invalid_value";
    if (g.cap_yuan && *g.cap_yuan <= 0) bad[at + "cap_yuan"] = "invalid_value";
  }
  return bad;
}

std::string_view FitName(Fit f) {
  switch (f) {
    case Fit::kMatch:
      return "match";
    case Fit::kNearMiss:
      return "near_miss";
    case Fit::kNone:
      return "none";
  }
  return "none";
}

namespace {
std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
}  // namespace

int MissingCount(const Policy& p, const ProjectFacts& f) {
  const Conditions& c = p.conditions;
  int n = 0;
  if (!c.industry_codes.empty() &&
      std::none_of(c.industry_codes.begin(), c.industry_codes.end(), [&](const auto& code) {
        return std::find(f.industry_path.begin(), f.industry_path.end(), code) !=
               f.industry_path.end();
      }))
    ++n;
  if (c.min_investment_yuan && f.total_investment < *c.min_investment_yuan) ++n;
  if ((c.land == "needs_land" && f.land_mu_x100 <= 0) ||
      (c.land == "no_new_land" && f.land_mu_x100 != 0))
    ++n;
  if (!c.location_unit_ids.empty() &&
      std::none_of(c.location_unit_ids.begin(), c.location_unit_ids.end(),
                   [&](int64_t u) { return f.location_units.count(u) > 0; }))
    ++n;
  if ((c.foreign == "foreign_only" && !f.foreign) || (c.foreign == "domestic_only" && f.foreign))
    ++n;
  return n;
}

PolicyMatch MatchPolicy(const Policy& p, PolicyState state, const ProjectFacts& f) {
  PolicyMatch m;
  if (state != PolicyState::kCurrent && state != PolicyState::kExpiring) {
    m.missing.push_back({"not_in_force", {{"state", std::string(PolicyStateName(state))}}});
    return m;  // kNone: a policy out of force is no near miss either
  }
  const Conditions& c = p.conditions;
  auto ok = [&](Reason r) { m.met.push_back(std::move(r)); };
  auto miss = [&](Reason r) { m.missing.push_back(std::move(r)); };
  // Industry: the project's code lies under one of the policy's codes.
  if (!c.industry_codes.empty()) {
    auto hit =
        std::find_if(c.industry_codes.begin(), c.industry_codes.end(), [&](const auto& code) {
          return std::find(f.industry_path.begin(), f.industry_path.end(), code) !=
                 f.industry_path.end();
        });
    if (hit != c.industry_codes.end())
      ok({"industry_in", {{"code", *hit}}});
    else
      miss({"industry_outside", {{"codes", Joined(c.industry_codes)}}});
  }
  if (c.min_investment_yuan) {
    if (f.total_investment >= *c.min_investment_yuan)
      ok({"investment_met", {{"min_yuan", *c.min_investment_yuan}}});
    else
      miss({"investment_below",
            {{"min_yuan", *c.min_investment_yuan}, {"have_yuan", f.total_investment}}});
  }
  if (c.land == "needs_land") {
    if (f.land_mu_x100 > 0)
      ok({"uses_land", {{"mu_x100", f.land_mu_x100}}});
    else
      miss({"needs_land", {}});
  } else if (c.land == "no_new_land") {
    if (f.land_mu_x100 == 0)
      ok({"no_new_land", {}});
    else
      miss({"new_land_used", {{"mu_x100", f.land_mu_x100}}});
  }
  if (!c.location_unit_ids.empty()) {
    auto hit = std::find_if(c.location_unit_ids.begin(), c.location_unit_ids.end(),
                            [&](int64_t u) { return f.location_units.count(u) > 0; });
    if (hit != c.location_unit_ids.end())
      ok({"located_in", {{"unit_id", *hit}}});
    else
      miss({f.location_known ? "located_outside" : "location_unknown", {}});
  }
  if (c.foreign == "foreign_only") {
    if (f.foreign)
      ok({"foreign", {}});
    else
      miss({"foreign_required", {}});
  } else if (c.foreign == "domestic_only") {
    if (!f.foreign)
      ok({"domestic", {}});
    else
      miss({"domestic_required", {}});
  }
  m.fit = m.missing.empty() ? Fit::kMatch : m.missing.size() == 1 ? Fit::kNearMiss : Fit::kNone;
  return m;
}

}  // namespace zhaoshang::policies
