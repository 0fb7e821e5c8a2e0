#include "zhaoshang/matching/fit.hpp"

#include <algorithm>
#include <cmath>

#include "zhaoshang/catalog/catalog_types.hpp"
#include "zhaoshang/catalog/industries.hpp"

namespace zhaoshang::matching {
namespace {

std::string NameOf(const std::string& code) {
  const auto* i = catalog::Industries::Embedded().Find(code);
  return i ? i->name : code;
}

std::string SectionOf(const std::string& code) {
  if (!code.empty() && std::isalpha(static_cast<unsigned char>(code[0]))) return code.substr(0, 1);
  auto path = catalog::Industries::Embedded().PathOf(code);
  return path ? path->section : "";
}

// Yuan → 万元 with two decimals, for reason texts.
double Wan(int64_t yuan) { return std::round(static_cast<double>(yuan) / 100.0) / 100.0; }
double Mu(int64_t mu_x100) { return static_cast<double>(mu_x100) / 100.0; }

// Per mu: amount (yuan) ÷ land (1/100 mu).
int64_t PerMu(int64_t yuan, int64_t mu_x100) {
  if (mu_x100 <= 0) return 0;
  const long double v = static_cast<long double>(yuan) * 100 / mu_x100;
  return v >= 9e18L ? INT64_C(9'000'000'000'000'000'000) : static_cast<int64_t>(v);
}

const catalog::ChainNode* FindNode(const std::vector<catalog::LeadingIndustry>& chains,
                                   int64_t id) {
  for (const auto& li : chains)
    for (const auto& n : li.nodes)
      if (n.id == id) return &n;
  return nullptr;
}

std::string IndustryName(const std::vector<catalog::LeadingIndustry>& chains, int64_t id) {
  for (const auto& li : chains)
    if (li.id == id) return li.name;
  return std::to_string(id);
}

Component IndustryFit(const ParkProfile& park, const Needs& n,
                      const std::vector<catalog::LeadingIndustry>& chains) {
  Component c{"industry", 0, 0, {}, false};
  const std::string& code = n.industry_code;
  // The park's wanted codes: its targets and the codes of its chain nodes.
  std::vector<std::string> wanted = park.target_codes;
  for (int64_t id : park.chain_node_ids)
    if (const auto* node = FindNode(chains, id))
      wanted.insert(wanted.end(), node->codes.begin(), node->codes.end());
  if (wanted.empty() && park.leading_industry_ids.empty()) {
    c.score = kUnknownScore;
    c.unknown = true;
    c.reasons.push_back({"industry_unknown", {}});
    return c;
  }
  for (const auto& t : park.target_codes)
    if (InSubtree(code, t)) {
      c.score = 1.0;
      c.reasons.push_back({"industry_same_code", {{"code", t}, {"name", NameOf(t)}}});
      return c;
    }
  // Same chain node: the project names one of the park's, or its code lies in one of theirs.
  for (int64_t id : park.chain_node_ids) {
    const auto* node = FindNode(chains, id);
    if (!node) continue;
    bool same = n.chain_node_id && *n.chain_node_id == id;
    for (const auto& nc : node->codes) same = same || InSubtree(code, nc);
    if (same) {
      c.score = 0.9;
      c.reasons.push_back({"industry_chain_node", {{"node", node->name}}});
      return c;
    }
  }
  // Same leading industry: the project's own, or the one its chain node belongs to.
  std::optional<int64_t> leading = n.leading_industry_id;
  if (!leading && n.chain_node_id)
    if (const auto* node = FindNode(chains, *n.chain_node_id)) leading = node->leading_industry_id;
  if (leading) {
    bool park_has = std::count(park.leading_industry_ids.begin(), park.leading_industry_ids.end(),
                               *leading) > 0;
    for (int64_t id : park.chain_node_ids)
      if (const auto* node = FindNode(chains, id))
        park_has |= node->leading_industry_id == *leading;
    if (park_has) {
      c.score = 0.7;
      c.reasons.push_back({"industry_leading", {{"industry", IndustryName(chains, *leading)}}});
      return c;
    }
  }
  const std::string division = code.size() >= 2 && std::isdigit(static_cast<unsigned char>(code[0]))
                                   ? code.substr(0, 2)
                                   : "";
  if (!division.empty())
    for (const auto& t : wanted)
      if (t.size() >= 2 && t.substr(0, 2) == division) {
        c.score = 0.5;
        c.reasons.push_back(
            {"industry_same_division", {{"division", division}, {"name", NameOf(division)}}});
        return c;
      }
  const std::string section = SectionOf(code);
  if (!section.empty())
    for (const auto& t : wanted)
      if (SectionOf(t) == section) {
        c.score = 0.2;
        c.reasons.push_back(
            {"industry_same_section", {{"section", section}, {"name", NameOf(section)}}});
        return c;
      }
  c.reasons.push_back({"industry_none", {}});
  return c;
}

Component CarrierFit(const ParkProfile& park, const Needs& n) {
  Component c{"carrier", 0, 0, {}, false};
  std::vector<double> parts;
  auto one = [&](const char* kind, int64_t need, int64_t Carrier::*size, const char* fits,
                 const char* short_code, const char* none, const char* unknown, const char* unit,
                 bool land) {
    if (need <= 0) return;
    const Carrier* best_fit = nullptr;
    int64_t largest = 0;
    bool recorded = false;  // the park lists carriers of this kind at all (any status)
    for (const auto& k : park.carriers) {
      if (k.kind != kind) continue;
      recorded = true;
      if (k.status != "available") continue;
      largest = std::max(largest, k.*size);
      if (k.*size >= need && (!best_fit || k.*size < best_fit->*size)) best_fit = &k;
    }
    auto amount = [&](int64_t v) -> Param { return land ? Param(Mu(v)) : Param(v); };
    const std::string need_key = std::string("need_") + unit;
    if (!recorded) {
      parts.push_back(kUnknownScore);
      c.unknown = true;
      c.reasons.push_back({unknown, {{need_key, amount(need)}}});
    } else if (best_fit) {
      parts.push_back(1.0);
      c.reasons.push_back({fits,
                           {{"carrier", best_fit->name},
                            {std::string("area_") + unit, amount(best_fit->*size)},
                            {need_key, amount(need)}}});
    } else if (largest > 0) {
      parts.push_back(0.5 * static_cast<double>(largest) / static_cast<double>(need));
      c.reasons.push_back(
          {short_code,
           {{std::string("largest_") + unit, amount(largest)}, {need_key, amount(need)}}});
    } else {
      parts.push_back(0.0);
      c.reasons.push_back({none, {{need_key, amount(need)}}});
    }
  };
  one("land", n.land_mu_x100, &Carrier::area_mu_x100, "land_fits", "land_short", "land_none",
      "land_unknown", "mu", true);
  one("factory", n.building_m2, &Carrier::floor_area_m2, "factory_fits", "factory_short",
      "factory_none", "factory_unknown", "m2", false);
  if (parts.empty()) {
    c.score = 1.0;
    c.reasons.push_back({"carrier_no_need", {}});
  } else {
    double sum = 0;
    for (double p : parts) sum += p;
    c.score = sum / static_cast<double>(parts.size());
  }
  return c;
}

Component ThresholdFit(const ParkProfile& park, const Needs& n) {
  Component c{"threshold", 0, 0, {}, false};
  if (n.land_mu_x100 <= 0) {
    c.score = 1.0;
    c.reasons.push_back({"threshold_no_land", {}});
    return c;
  }
  std::vector<double> parts;
  auto one = [&](const char* name, int64_t amount, int64_t minimum) {
    if (minimum <= 0) return;
    const int64_t value = PerMu(amount, n.land_mu_x100);
    const bool ok = value >= minimum;
    parts.push_back(ok ? 1.0 : static_cast<double>(value) / static_cast<double>(minimum));
    c.reasons.push_back({std::string(name) + (ok ? "_ok" : "_low"),
                         {{"value_wan", Wan(value)}, {"min_wan", Wan(minimum)}}});
  };
  one("intensity", n.fixed_investment, park.min_intensity_yuan_per_mu);
  one("tax", n.annual_tax, park.min_tax_yuan_per_mu);
  one("output", n.annual_output, park.min_output_yuan_per_mu);
  if (parts.empty()) {
    c.score = kUnknownScore;
    c.unknown = true;
    c.reasons.push_back({"threshold_unknown", {}});
  } else {
    double sum = 0;
    for (double p : parts) sum += p;
    c.score = sum / static_cast<double>(parts.size());
  }
  return c;
}

Component UtilityFit(const ParkProfile& park, const Needs& n) {
  Component c{"utility", 0, 0, {}, false};
  if (n.power_kva <= 0) {
    c.score = 1.0;
    c.reasons.push_back({"power_no_need", {}});
  } else if (park.power_kva <= 0) {
    c.score = kUnknownScore;
    c.unknown = true;
    c.reasons.push_back({"power_unknown", {{"need_kva", n.power_kva}}});
  } else if (n.power_kva <= park.power_kva) {
    c.score = 1.0;
    c.reasons.push_back(
        {"power_ok", {{"need_kva", n.power_kva}, {"capacity_kva", park.power_kva}}});
  } else {
    c.score = static_cast<double>(park.power_kva) / static_cast<double>(n.power_kva);
    c.reasons.push_back(
        {"power_short", {{"need_kva", n.power_kva}, {"capacity_kva", park.power_kva}}});
  }
  return c;
}

}  // namespace

bool ProfileIsEmpty(const ParkProfile& park) {
  return park.target_codes.empty() && park.chain_node_ids.empty() &&
         park.leading_industry_ids.empty() && park.carriers.empty() &&
         park.min_intensity_yuan_per_mu <= 0 && park.min_tax_yuan_per_mu <= 0 &&
         park.min_output_yuan_per_mu <= 0 && park.power_kva <= 0;
}

bool InSubtree(const std::string& code, const std::string& ancestor) {
  if (code.empty() || ancestor.empty()) return false;
  if (std::isalpha(static_cast<unsigned char>(ancestor[0]))) return SectionOf(code) == ancestor;
  return code.size() >= ancestor.size() && code.compare(0, ancestor.size(), ancestor) == 0;
}

Fit Score(const ParkProfile& park, const Needs& needs, const Weights& w,
          const std::vector<catalog::LeadingIndustry>& chains) {
  Fit f;
  f.unit_id = park.unit_id;
  f.unit_name = park.unit_name;
  f.components = {IndustryFit(park, needs, chains), CarrierFit(park, needs),
                  ThresholdFit(park, needs), UtilityFit(park, needs)};
  const int weights[] = {w.industry, w.carrier, w.threshold, w.utility};
  double sum = 0, total = 0;
  for (size_t i = 0; i < f.components.size(); ++i) {
    f.components[i].weight = weights[i];
    sum += weights[i] * std::clamp(f.components[i].score, 0.0, 1.0);
    total += weights[i];
  }
  f.score = total > 0 ? static_cast<int>(std::lround(100.0 * sum / total)) : 0;
  for (const auto& c : f.components)
    if (c.unknown) f.unknown.push_back(c.key);
  // Nothing filled in: what the project does not need would still score full marks, and a
  // park we know nothing about would read as a fair match.
  f.profile_empty = ProfileIsEmpty(park);
  if (f.profile_empty) f.score = 0;
  for (const auto& x : park.excluded_codes)
    if (InSubtree(needs.industry_code, x))
      f.exclusions.push_back({"excluded_industry", {{"code", x}, {"name", NameOf(x)}}});
  for (const auto& x : park.redline_codes)
    if (InSubtree(needs.industry_code, x))
      f.exclusions.push_back(
          {"redline", {{"code", x}, {"name", NameOf(x)}, {"note", park.redline_note}}});
  f.excluded = !f.exclusions.empty();
  return f;
}

void Rank(std::vector<Fit>& fits) {
  std::stable_sort(fits.begin(), fits.end(), [](const Fit& a, const Fit& b) {
    if (a.excluded != b.excluded) return !a.excluded;
    if (a.profile_empty != b.profile_empty) return !a.profile_empty;
    if (a.score != b.score) return a.score > b.score;
    if (a.unknown.size() != b.unknown.size()) return a.unknown.size() < b.unknown.size();
    return a.unit_name < b.unit_name;
  });
}

}  // namespace zhaoshang::matching
