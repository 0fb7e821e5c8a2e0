#pragma once
// The policy library (政策库): what a policy grants and to whom.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::policies {

// What a policy grants (补贴、租金、地价、税收 …): the kind, a rate and a cap where they apply,
// and the words of the policy.
struct Grant {
  std::string kind;                 // kGrantKinds
  std::optional<int64_t> rate_pct;  // e.g. 30 (% of the investment, the rent …)
  std::optional<int64_t> cap_yuan;  // the most it grants
  std::string text;
};

// Who a policy is for. An empty list or "any" asks nothing of the project.
struct Conditions {
  std::vector<std::string> industry_codes;  // GB/T 4754 codes at any level (a section letter too)
  std::optional<int64_t> min_investment_yuan;
  std::string land = "any";                // any | needs_land | no_new_land
  std::vector<int64_t> location_unit_ids;  // districts or parks (their subtrees)
  std::string foreign = "any";             // any | foreign_only | domestic_only
};

struct Policy {
  int64_t id = 0;
  std::string title, issuer, doc_number, level;  // level: kLevels
  std::string effective_from;                    // YYYY-MM-DD
  std::optional<std::string> expires_on;         // none: open-ended
  int64_t owner_unit_id = 0;
  std::string owner_unit_name;
  Conditions conditions;
  std::vector<Grant> grants;
  std::string summary, source_text;
  bool repealed = false;
  std::optional<int64_t> expiry_notified_at;
  int64_t created_by = 0, created_at = 0, updated_at = 0, version = 1;
};

struct PolicyQuery {
  std::string q, level;
  std::optional<int64_t> owner_unit_id;
  // current (in force today) | expiring (in force, ending within kExpiringDays) | expired |
  // upcoming | repealed | "" (all)
  std::string state;
  int64_t offset = 0, limit = 20;
};

}  // namespace zhaoshang::policies
