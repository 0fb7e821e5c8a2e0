#pragma once
// The rules of factor-guarantee requests (要素保障), as data: the types and their quantity
// units, which action moves a request from which status to which, and who may take it. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/factors/factors_types.hpp"

namespace zhaoshang::factors {

struct FactorType {
  std::string_view code;
  std::string_view
      quantity_unit;    // "" (no quantity), mu_x100, kva, t_per_day, m3_per_day, people, yuan
  std::string_view zh;  // the type's name where the server writes Chinese (audit names, export)
};
const std::vector<FactorType>& FactorTypes();
const FactorType* FindFactorType(std::string_view code);

// Why a department cannot resolve a request (the rest is in the free-text reason).
const std::vector<std::string_view>& UnresolvableReasonCodes();

// The project stages from which a request may be raised: signed, or in negotiation,
// construction or production.
bool MayRaiseInStage(std::string_view stage);

enum class FactorAction { kAccept, kPassOn, kProgress, kResolve, kUnresolvable, kWithdraw };
std::string_view ActionName(FactorAction a);  // accept, pass_on, … (also the event kind)

// How the caller stands to one request.
struct Party {
  bool handler = false;      // works in the request's department with factor.handle
  bool coordinator = false;  // factor.handle over every department (投促局)
  bool requester = false;    // may edit the project the request belongs to
};

struct FactorRule {
  FactorAction action;
  std::vector<std::string_view> from;
  std::string_view to;                   // the status after it
  bool handler, coordinator, requester;  // who may take it
};
const std::vector<FactorRule>& FactorRules();

// The rule for the action from this status and party; nullptr when not allowed.
const FactorRule* RuleFor(FactorAction a, std::string_view status, const Party& p);
FactorCapabilities CapabilitiesOf(std::string_view status, const Party& p);

// Median of non-negative values (nullopt for none).
std::optional<double> Median(std::vector<int> values);

inline constexpr size_t kMaxNeedChars = 500;
inline constexpr size_t kMaxNoteChars = 500;
inline constexpr int64_t kMaxQuantity = 1'000'000'000'000;

}  // namespace zhaoshang::factors
