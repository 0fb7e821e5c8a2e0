#pragma once
// The policy library's rules, pure: the value lists, a policy's state on a day (in force,
// expiring within 90 days — "policy continuity" —, expired, not yet in force, repealed), what a
// policy asks of its input, and the matcher: for a project's facts, whether each condition is
// met, with the reason, and for a near miss what is missing. No SQL, no HTTP.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "zhaoshang/policies/policies_types.hpp"

namespace zhaoshang::policies {

inline constexpr std::string_view kLevels[] = {"national", "provincial", "city", "district",
                                               "park"};
inline constexpr std::string_view kGrantKinds[] = {"subsidy", "rent",   "land_price", "tax",
                                                   "finance", "talent", "other"};
inline constexpr std::string_view kLandConditions[] = {"any", "needs_land", "no_new_land"};
inline constexpr std::string_view kForeignConditions[] = {"any", "foreign_only", "domestic_only"};
// A policy ending within this many days is flagged and its owner unit told (政策接续).
inline constexpr int kExpiringDays = 90;
// The search index's name for a policy.
inline constexpr const char* kPolicySearchKind = "policy";
inline constexpr size_t kMaxIndustryCodes = 50, kMaxLocations = 50, kMaxGrants = 20;
inline constexpr size_t kMaxTitleChars = 200, kMaxSourceChars = 50'000;

bool IsOneOf(std::string_view v, const std::string_view* begin, const std::string_view* end);
template <size_t N>
bool IsOneOf(std::string_view v, const std::string_view (&list)[N]) {
  return IsOneOf(v, list, list + N);
}

enum class PolicyState { kCurrent, kExpiring, kExpired, kUpcoming, kRepealed };
std::string_view PolicyStateName(PolicyState s);
// `today` and the policy's dates are YYYY-MM-DD.
PolicyState StateOf(const Policy& p, const std::string& today);
// The date kExpiringDays after `today` (the end of the "expiring" window).
std::string ExpiringThrough(const std::string& today);

// Field errors of a policy about to be saved (besides the lengths the routes check and the
// codes and units the service looks up): value lists, dates (expiry not before the start),
// rates 1..100, caps and the minimum investment positive, the list sizes.
std::map<std::string, std::string> CheckPolicy(const Policy& p);

// ---------------------------------------------------------------- the matcher
using Param = std::variant<int64_t, std::string>;
struct Reason {
  std::string code;
  std::vector<std::pair<std::string, Param>> params;
};

// What the matcher knows of a project (or of a lead being typed in).
struct ProjectFacts {
  // The project's industry code and every level above it (e.g. 3612, 361, 36, C).
  std::vector<std::string> industry_path;
  int64_t total_investment = 0;  // yuan
  int64_t land_mu_x100 = 0;      // 0: no new land
  bool foreign = false;
  // Where it lands (the receiving park, else the preferred unit) and every unit above it.
  std::set<int64_t> location_units;
  bool location_known = false;
};

enum class Fit { kMatch, kNearMiss, kNone };
std::string_view FitName(Fit f);

struct PolicyMatch {
  Fit fit = Fit::kNone;
  std::vector<Reason> met;      // why it applies
  std::vector<Reason> missing;  // what the project lacks (a near miss lacks one thing)
};

// Checks every condition; a policy not in force (`state` not current/expiring) never matches.
// A near miss fails exactly one condition.
PolicyMatch MatchPolicy(const Policy& p, PolicyState state, const ProjectFacts& f);
// How many of the policy's conditions the project fails: MatchPolicy's `missing` counted without
// building its reasons (the matcher's first pass over every policy in force).
int MissingCount(const Policy& p, const ProjectFacts& f);

}  // namespace zhaoshang::policies
