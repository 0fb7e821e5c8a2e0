#pragma once
// The policy library (政策库): policies kept by their owner units, their state on a day (in
// force, expiring within 90 days, expired …), the owner told when one nears its end, and the
// matcher over a project or over a lead's facts. Audited. No SQL text, no HTTP.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/policies/policies_types.hpp"
#include "zhaoshang/policies/policy_rules.hpp"
#include "zhaoshang/search/search_types.hpp"

namespace zhaoshang::pipeline {
class ProjectService;
}

namespace zhaoshang::policies {

// A lead being typed in (the form's preview): what the matcher reads.
struct LeadFacts {
  std::string industry_code;
  int64_t total_investment = 0, land_mu_x100 = 0;
  bool foreign = false;
  std::optional<int64_t> unit_id;  // where it would land (the preferred park or district)
};

struct MatchedPolicy {
  std::shared_ptr<const Policy> policy;  // from the matcher's snapshot of the policies in force
  PolicyState state = PolicyState::kCurrent;
  PolicyMatch match;
};

struct PolicyView {
  Policy policy;
  PolicyState state = PolicyState::kCurrent;
  bool editable = false;  // the caller keeps this policy's owner unit
};

class PolicyService {
 public:
  PolicyService(db::Database& db, const Clock& clock, pipeline::ProjectService& projects)
      : db_(db), clock_(clock), projects_(projects) {}

  Result<std::vector<PolicyView>> List(const auth::Principal& who, const PolicyQuery& q,
                                       int64_t* total);
  Result<PolicyView> Get(const auth::Principal& who, int64_t id);
  // owner_unit_id 0: the caller's unit. Errors: invalid_argument (CheckPolicy, unknown industry
  // codes, units), forbidden (an owner unit outside the caller's policy.write scope).
  Result<PolicyView> Create(const auth::Principal& who, Policy in, const Actor& a);
  // Replaces the policy's fields when `in.version` is current.
  Result<PolicyView> Update(const auth::Principal& who, int64_t id, Policy in, const Actor& a);

  // The policies a project meets and the near misses (one condition short), best first; the
  // project as the caller may read it (not_found otherwise).
  Result<std::vector<MatchedPolicy>> MatchProject(const auth::Principal& who, int64_t project_id);
  Result<std::vector<MatchedPolicy>> MatchLead(const LeadFacts& f);

  // The scheduler's daily step: every policy in force that ends within kExpiringDays and whose
  // owner was not told yet is told now (policy_expiring). Returns how many.
  int TellExpiring();

  // The search index's view of the policies (title; issuer, number, summary, source text).
  static std::vector<search::Doc> SearchDocs(db::Connection& c);

 private:
  std::vector<MatchedPolicy> Match(db::Connection& c, const ProjectFacts& f);
  bool MayKeep(db::Connection& c, const auth::Principal& who, int64_t owner_unit_id);
  std::map<std::string, std::string> CheckRefs(db::Connection& c, const Policy& p);
  std::string Today() const;

  db::Database& db_;
  const Clock& clock_;
  pipeline::ProjectService& projects_;
  // The policies in force, read again when the table or the day changes (the matcher's
  // candidates: ≤ 5 ms for a project over 10 000 policies).
  std::mutex cache_mu_;
  std::string cache_key_;
  std::shared_ptr<const std::vector<Policy>> cache_;
};

}  // namespace zhaoshang::policies
