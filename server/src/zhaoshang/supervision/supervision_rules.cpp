#include "zhaoshang/supervision/supervision_rules.hpp"

#include <algorithm>

namespace zhaoshang::supervision {

const std::vector<std::string_view>& Priorities() {
  static const std::vector<std::string_view> k = {"normal", "urgent", "critical"};
  return k;
}

const std::vector<std::string_view>& SubjectTypes() {
  static const std::vector<std::string_view> k = {"project", "factor_request", "unit"};
  return k;
}

std::string_view StepEvent(Step s) {
  switch (s) {
    case Step::kReply:
      return "replied";
    case Step::kClose:
      return "closed";
    case Step::kReopen:
      return "reopened";
  }
  return "";
}

const std::vector<StepRule>& StepRules() {
  using enum Step;
  // step, from, to, addressee, issuer
  static const std::vector<StepRule> k = {
      {kReply, {"open", "replied"}, "replied", true, false},  // progress until it is closed
      {kClose, {"open", "replied"}, "closed", false, true},
      {kReopen, {"closed"}, "open", false, true},
  };
  return k;
}

const StepRule* RuleFor(Step s, std::string_view status, const Party& p) {
  for (const auto& r : StepRules()) {
    if (r.step != s || std::find(r.from.begin(), r.from.end(), status) == r.from.end()) continue;
    if ((r.addressee && p.addressee) || (r.issuer && p.issuer)) return &r;
  }
  return nullptr;
}

SupervisionCapabilities CapabilitiesOf(std::string_view status, const Party& p) {
  return {RuleFor(Step::kReply, status, p) != nullptr, RuleFor(Step::kClose, status, p) != nullptr,
          RuleFor(Step::kReopen, status, p) != nullptr};
}

}  // namespace zhaoshang::supervision
