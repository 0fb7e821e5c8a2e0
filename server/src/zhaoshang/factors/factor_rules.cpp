#include "zhaoshang/factors/factor_rules.hpp"

#include <algorithm>

namespace zhaoshang::factors {

const std::vector<FactorType>& FactorTypes() {
  static const std::vector<FactorType> k = {
      {"land", "mu_x100", "用地"},
      {"planning_permit", "", "规划许可"},
      {"power", "kva", "用电"},
      {"water", "t_per_day", "用水"},
      {"gas", "m3_per_day", "用气"},
      {"environment", "", "环境影响评价"},
      {"energy_review", "", "节能审查"},
      {"construction_permit", "", "施工许可"},
      {"labour", "people", "用工"},
      {"talent", "people", "人才"},
      {"finance", "yuan", "融资"},
      {"policy", "", "政策兑现"},
      {"other", "", "其他"},
  };
  return k;
}

const FactorType* FindFactorType(std::string_view code) {
  for (const auto& t : FactorTypes())
    if (t.code == code) return &t;
  return nullptr;
}

const std::vector<std::string_view>& UnresolvableReasonCodes() {
  static const std::vector<std::string_view> k = {"no_quota", "not_eligible", "policy_limit",
                                                  "needs_higher_level", "other"};
  return k;
}

bool MayRaiseInStage(std::string_view stage) {
  return stage == "negotiating" || stage == "signed" || stage == "construction" ||
         stage == "production";
}

std::string_view ActionName(FactorAction a) {
  switch (a) {
    case FactorAction::kAccept:
      return "accepted";
    case FactorAction::kPassOn:
      return "passed_on";
    case FactorAction::kProgress:
      return "progress";
    case FactorAction::kResolve:
      return "resolved";
    case FactorAction::kUnresolvable:
      return "unresolvable";
    case FactorAction::kWithdraw:
      return "withdrawn";
  }
  return "";
}

const std::vector<FactorRule>& FactorRules() {
  using enum FactorAction;
  // action, from, to, handler, coordinator, requester
  static const std::vector<FactorRule> k = {
      {kAccept, {"open"}, "accepted", true, true, false},
      // A department passes on what is not its own; the coordinator also re-assigns what a
      // department declared it cannot resolve (the escalation lands with the coordinator).
      {kPassOn, {"open", "accepted"}, "open", true, true, false},
      {kPassOn, {"unresolvable"}, "open", false, true, false},
      {kProgress, {"accepted"}, "accepted", true, true, false},
      {kResolve, {"accepted"}, "resolved", true, true, false},
      {kUnresolvable, {"open", "accepted"}, "unresolvable", true, false, false},
      {kWithdraw, {"open", "accepted", "unresolvable"}, "withdrawn", false, true, true},
  };
  return k;
}

const FactorRule* RuleFor(FactorAction a, std::string_view status, const Party& p) {
  for (const auto& r : FactorRules()) {
    if (r.action != a) continue;
    if (std::find(r.from.begin(), r.from.end(), status) == r.from.end()) continue;
    if ((r.handler && p.handler) || (r.coordinator && p.coordinator) ||
        (r.requester && p.requester))
      return &r;
  }
  return nullptr;
}

FactorCapabilities CapabilitiesOf(std::string_view status, const Party& p) {
  using enum FactorAction;
  FactorCapabilities k{
      RuleFor(kAccept, status, p) != nullptr,       RuleFor(kPassOn, status, p) != nullptr,
      RuleFor(kProgress, status, p) != nullptr,     RuleFor(kResolve, status, p) != nullptr,
      RuleFor(kUnresolvable, status, p) != nullptr, RuleFor(kWithdraw, status, p) != nullptr};
  k.attach = p.handler || p.requester || p.coordinator;
  k.manage_files = p.coordinator;
  return k;
}

std::optional<double> Median(std::vector<int> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

}  // namespace zhaoshang::factors
