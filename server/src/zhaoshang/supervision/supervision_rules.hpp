#pragma once
// The rules of supervision items (督办), as data: priorities, subjects, and which step moves an
// item from which status to which, and who may take it. Pure.
#include <string_view>
#include <vector>

#include "zhaoshang/supervision/supervision_types.hpp"

namespace zhaoshang::supervision {

const std::vector<std::string_view>& Priorities();    // normal, urgent, critical
const std::vector<std::string_view>& SubjectTypes();  // project, factor_request, unit

enum class Step { kReply, kClose, kReopen };
std::string_view StepEvent(Step s);  // replied | closed | reopened

struct Party {
  bool addressee = false;  // replies for the unit the item is addressed to
  bool issuer = false;     // issued it, or issues supervision over everything
};

struct StepRule {
  Step step;
  std::vector<std::string_view> from;
  std::string_view to;
  bool addressee, issuer;
};
const std::vector<StepRule>& StepRules();
const StepRule* RuleFor(Step s, std::string_view status, const Party& p);
SupervisionCapabilities CapabilitiesOf(std::string_view status, const Party& p);

inline constexpr size_t kMaxTitleChars = 100;
inline constexpr size_t kMaxInstructionChars = 2000;
inline constexpr size_t kMaxNoteChars = 2000;

}  // namespace zhaoshang::supervision
