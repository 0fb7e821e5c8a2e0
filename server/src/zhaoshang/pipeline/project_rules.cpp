#include "zhaoshang/pipeline/project_rules.hpp"

#include <algorithm>

#include "zhaoshang/pipeline/investor_name.hpp"

namespace zhaoshang::pipeline {

const std::vector<std::string>& SourceChannels() {
  static const std::vector<std::string> k = {
      "resident_team", "business_referral", "exhibition", "online", "agency",
      "visit",         "government",        "other"};
  return k;
}

const std::vector<std::string>& ActivityKinds() {
  static const std::vector<std::string> k = {"call",         "visit",      "reception",
                                             "meeting",      "inspection", "signing",
                                             "construction", "production", "capital"};
  return k;
}

int64_t CapitalCap(const Project& p) {
  return p.contracted_investment.value_or(p.total_investment);
}

Status CheckCapitalCap(const Project& before, const Project& after, bool may_confirm,
                       const char* field) {
  const int64_t cap = CapitalCap(after);
  if (cap < CapitalCap(before) && after.capital_in_place > cap && !may_confirm)
    return Fail(InvalidArgument({{field, "below_capital_in_place"}},
                                "the investment may not fall below the capital in place"));
  return {};
}

namespace {
size_t FirstCharBytes(const std::string& s) {
  unsigned char c = s.empty() ? 0 : s[0];
  return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
}
}  // namespace

std::string MaskName(const std::string& s) {
  auto n = CodePoints(s).size();
  if (n == 0) return s;
  return s.substr(0, std::min(s.size(), FirstCharBytes(s))) + std::string(n > 1 ? n - 1 : 1, '*');
}

std::string MaskPhone(const std::string& s) {
  if (s.size() < 7) return std::string(s.size(), '*');
  return s.substr(0, 3) + std::string(s.size() - 7, '*') + s.substr(s.size() - 4);
}

std::string MaskText(const std::string& s) {
  auto cps = CodePoints(s);
  if (cps.size() <= 6) return MaskName(s);
  // Byte offsets of code points.
  std::vector<size_t> off{0};
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    off.push_back(i);
  }
  return s.substr(0, off[2]) + "***" + s.substr(off[cps.size() - 4]);
}

}  // namespace zhaoshang::pipeline
