#include "zhaoshang/policies/policy_service.hpp"

#include <algorithm>
#include <set>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/policies/policies_store.hpp"
#include "zhaoshang/policies/policy_permissions.hpp"
#include "zhaoshang/search/search_store.hpp"

namespace zhaoshang::policies {

namespace {
Error PolicyNotFound() { return NotFound("policy not found"); }

search::Doc DocOf(const Policy& p) {
  return {kPolicySearchKind, p.id, p.title,
          p.issuer + " " + p.doc_number + "\n" + p.summary + "\n" + p.source_text, p.updated_at};
}

// The code and every level above it (3612, 361, 36, C); empty for an unknown code.
std::vector<std::string> IndustryPath(const std::string& code) {
  std::vector<std::string> out;
  const auto& all = catalog::Industries::Embedded();
  for (const catalog::Industry* i = all.Find(code); i;
       i = i->parent.empty() ? nullptr : all.Find(i->parent))
    out.push_back(i->code);
  return out;
}

// The unit and every unit above it.
std::set<int64_t> UnitAndAbove(db::Connection& c, std::optional<int64_t> unit) {
  std::set<int64_t> out;
  for (int guard = 0; unit && guard < 20; ++guard) {
    if (!out.insert(*unit).second) break;
    auto u = org::store::GetUnit(c, *unit);
    if (!u) break;
    unit = u->parent_id;
  }
  return out;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::string Joined(const std::vector<int64_t>& v) {
  std::string out;
  for (int64_t x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}
std::string Opt(const std::optional<std::string>& v) { return v.value_or(""); }
std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

// The audited fields of a policy, as text.
std::map<std::string, std::string> AuditFields(const Policy& p) {
  std::string grants;
  for (const auto& g : p.grants)
    grants += (grants.empty() ? "" : "; ") + g.kind + " " + Opt(g.rate_pct) + "% " +
              Opt(g.cap_yuan) + " " + g.text;
  return {{"title", p.title},
          {"issuer", p.issuer},
          {"doc_number", p.doc_number},
          {"level", p.level},
          {"effective_from", p.effective_from},
          {"expires_on", Opt(p.expires_on)},
          {"owner_unit_id", std::to_string(p.owner_unit_id)},
          {"industry_codes", Joined(p.conditions.industry_codes)},
          {"min_investment_yuan", Opt(p.conditions.min_investment_yuan)},
          {"land", p.conditions.land},
          {"location_unit_ids", Joined(p.conditions.location_unit_ids)},
          {"foreign", p.conditions.foreign},
          {"grants", grants},
          {"repealed", p.repealed ? "true" : "false"}};
}
}  // namespace

std::string PolicyService::Today() const { return LocalDateOfMs(clock_.NowMs()); }

bool PolicyService::MayKeep(db::Connection& c, const auth::Principal& who, int64_t owner) {
  return org::store::UnitInScope(c, who.roles, who.unit_id, perm::kPolicyWrite, owner);
}

std::map<std::string, std::string> PolicyService::CheckRefs(db::Connection& c, const Policy& p) {
  std::map<std::string, std::string> bad = CheckPolicy(p);
  for (const auto& code : p.conditions.industry_codes)
    if (!catalog::Industries::Embedded().Find(code)) bad["conditions.industry_codes"] = "not_found";
  for (int64_t u : p.conditions.location_unit_ids)
    if (!org::store::GetUnit(c, u)) bad["conditions.location_unit_ids"] = "not_found";
  if (!org::store::GetUnit(c, p.owner_unit_id)) bad["owner_unit_id"] = "not_found";
  return bad;
}

Result<std::vector<PolicyView>> PolicyService::List(const auth::Principal& who,
                                                    const PolicyQuery& q, int64_t* total) {
  const std::string today = Today();
  auto c = db_.Acquire();
  auto rows = store::List(*c, q, today, ExpiringThrough(today), total);
  std::vector<PolicyView> out;
  out.reserve(rows.size());
  const auto keeps = org::store::ScopeUnits(*c, who.roles, who.unit_id, perm::kPolicyWrite);
  for (auto& p : rows) {
    const PolicyState s = StateOf(p, today);
    const bool edit = keeps.Has(p.owner_unit_id);
    out.push_back({std::move(p), s, edit});
  }
  return out;
}

Result<PolicyView> PolicyService::Get(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto p = store::Get(*c, id);
  if (!p) return Fail(PolicyNotFound());
  const PolicyState s = StateOf(*p, Today());
  const bool edit = MayKeep(*c, who, p->owner_unit_id);
  return PolicyView{std::move(*p), s, edit};
}

Result<PolicyView> PolicyService::Create(const auth::Principal& who, Policy in, const Actor& a) {
  const int64_t now = clock_.NowMs();
  if (in.owner_unit_id == 0) in.owner_unit_id = who.unit_id;
  auto c = db_.Acquire();
  if (auto bad = CheckRefs(*c, in); !bad.empty()) return Fail(InvalidArgument(bad));
  if (!MayKeep(*c, who, in.owner_unit_id))
    return Fail(ErrorCode::kForbidden, "forbidden", "you keep the policies of your own unit only",
                {{"owner_unit_id", "out_of_scope"}});
  in.created_by = who.user_id;
  in.created_at = in.updated_at = now;
  in.expiry_notified_at.reset();
  db::Transaction tx(*c, true);
  in.id = store::Insert(*c, in);
  search::store::Put(*c, DocOf(in));
  audit::Diff d;
  for (const auto& [k, v] : AuditFields(in)) d.Created(k, v);
  audit::Append(*c, now, a, {"policy.create", "policy", std::to_string(in.id), d.Json()});
  tx.Commit();
  return Get(who, in.id);
}

Result<PolicyView> PolicyService::Update(const auth::Principal& who, int64_t id, Policy in,
                                         const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::Get(*c, id);
  if (!before) return Fail(PolicyNotFound());
  if (!MayKeep(*c, who, before->owner_unit_id))
    return Fail(ErrorCode::kForbidden, "forbidden", "you keep the policies of your own unit only",
                {{"owner_unit_id", "out_of_scope"}});
  if (in.owner_unit_id == 0) in.owner_unit_id = before->owner_unit_id;
  if (auto bad = CheckRefs(*c, in); !bad.empty()) return Fail(InvalidArgument(bad));
  if (!MayKeep(*c, who, in.owner_unit_id))
    return Fail(ErrorCode::kForbidden, "forbidden", "you keep the policies of your own unit only",
                {{"owner_unit_id", "out_of_scope"}});
  if (in.version != before->version) return Fail(VersionConflict());
  in.id = id;
  in.created_by = before->created_by;
  in.created_at = before->created_at;
  in.updated_at = now;
  // A new end date is told about again when it comes near.
  in.expiry_notified_at =
      in.expires_on == before->expires_on ? before->expiry_notified_at : std::nullopt;
  if (!store::Update(*c, in)) return Fail(VersionConflict());
  search::store::Put(*c, DocOf(in));
  audit::Diff d;
  const auto was = AuditFields(*before);
  for (const auto& [k, v] : AuditFields(in)) d.Change(k, was.at(k), v);
  audit::Append(*c, now, a, {"policy.update", "policy", std::to_string(id), d.Json()});
  tx.Commit();
  return Get(who, id);
}

std::vector<MatchedPolicy> PolicyService::Match(db::Connection& c, const ProjectFacts& f) {
  const std::string today = Today();
  std::shared_ptr<const std::vector<Policy>> policies;
  {
    const std::string key = today + "|" + store::Fingerprint(c);
    std::lock_guard lock(cache_mu_);
    if (key != cache_key_ || !cache_) {
      cache_ = std::make_shared<const std::vector<Policy>>(store::InForce(c, today));
      cache_key_ = key;
    }
    policies = cache_;
  }
  std::vector<MatchedPolicy> out;
  for (const auto& p : *policies) {
    const PolicyState s = StateOf(p, today);
    if (s != PolicyState::kCurrent && s != PolicyState::kExpiring) continue;
    if (MissingCount(p, f) > 1) continue;  // neither a match nor a near miss: no reasons built
    PolicyMatch m = MatchPolicy(p, s, f);
    // The cached policy itself, kept alive by the snapshot it belongs to (no copy).
    if (m.fit != Fit::kNone)
      out.push_back({std::shared_ptr<const Policy>(policies, &p), s, std::move(m)});
  }
  // Matches first, then near misses; within each the higher level (national first), then newest.
  // The level's rank is looked up once per policy, not in every comparison.
  std::vector<std::pair<int, size_t>> keys;
  keys.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& level = out[i].policy->level;
    const int rank = static_cast<int>(std::find(std::begin(kLevels), std::end(kLevels), level) -
                                      std::begin(kLevels));
    keys.emplace_back((out[i].match.fit == Fit::kMatch ? 0 : 100) + rank, i);
  }
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return out[a.second].policy->effective_from > out[b.second].policy->effective_from;
  });
  std::vector<MatchedPolicy> sorted;
  sorted.reserve(out.size());
  for (const auto& k : keys) sorted.push_back(std::move(out[k.second]));
  out = std::move(sorted);
  return out;
}

Result<std::vector<MatchedPolicy>> PolicyService::MatchProject(const auth::Principal& who,
                                                               int64_t project_id) {
  auto view = projects_.Get(who, project_id);
  if (!view) return Fail(view.error());
  const pipeline::Project& p = view->project;
  auto c = db_.Acquire();
  ProjectFacts f;
  f.industry_path = IndustryPath(p.industry_code);
  f.total_investment = p.total_investment;
  f.land_mu_x100 = p.land_mu_x100;
  f.foreign = p.foreign;
  const std::optional<int64_t> place =
      p.receiving_unit_id ? p.receiving_unit_id : p.preferred_unit_id;
  f.location_units = UnitAndAbove(*c, place);
  f.location_known = !f.location_units.empty();
  return Match(*c, f);
}

Result<std::vector<MatchedPolicy>> PolicyService::MatchLead(const LeadFacts& in) {
  std::map<std::string, std::string> bad;
  if (!in.industry_code.empty() && !catalog::Industries::Embedded().Find(in.industry_code))
    bad["industry_code"] = "not_found";
  if (in.total_investment < 0) bad["total_investment_yuan"] = "invalid_value";
  if (in.land_mu_x100 < 0) bad["land_mu_x100"] = "invalid_value";
  auto c = db_.Acquire();
  if (in.unit_id && !org::store::GetUnit(*c, *in.unit_id)) bad["preferred_unit_id"] = "not_found";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  ProjectFacts f;
  f.industry_path = IndustryPath(in.industry_code);
  f.total_investment = in.total_investment;
  f.land_mu_x100 = in.land_mu_x100;
  f.foreign = in.foreign;
  f.location_units = UnitAndAbove(*c, in.unit_id);
  f.location_known = !f.location_units.empty();
  return Match(*c, f);
}

int PolicyService::TellExpiring() {
  const int64_t now = clock_.NowMs();
  const std::string today = LocalDateOfMs(now);
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  int told = 0;
  for (const auto& p : store::ExpiringUntold(*c, today, ExpiringThrough(today))) {
    std::vector<int64_t> to = notify::HoldersIn(*c, perm::kPolicyWrite, p.owner_unit_id);
    const auto everywhere = notify::HoldersEverywhere(*c, perm::kPolicyWrite);
    to.insert(to.end(), everywhere.begin(), everywhere.end());
    notify::Send(*c, to, notify::kPolicyExpiring,
                 {"policy", p.id, std::nullopt, p.title,
                  "{\"expires_on\":\"" + p.expires_on.value_or("") + "\"}"},
                 now);
    store::MarkTold(*c, p.id, now);
    ++told;
  }
  tx.Commit();
  return told;
}

std::vector<search::Doc> PolicyService::SearchDocs(db::Connection& c) {
  std::vector<search::Doc> out;
  PolicyQuery q;
  q.limit = 1'000'000;
  for (const auto& p : store::List(c, q, "", "", nullptr)) out.push_back(DocOf(p));
  return out;
}

}  // namespace zhaoshang::policies
