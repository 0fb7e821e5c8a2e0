#include "zhaoshang/pipeline/project_access.hpp"

#include <algorithm>

#include "zhaoshang/attachments/attachments_store.hpp"
#include "zhaoshang/guide/guide_store.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"

namespace zhaoshang::pipeline {

using auth::HasRole;

Error ProjectNotFound() { return NotFound("project not found"); }

bool Can(const auth::Principal& who, const char* permission) {
  return org::ResolveScope(who.roles, permission).has_value();
}

Result<ProjectScope> ScopeOf(db::Connection& c, const auth::Principal& who) {
  auto scope = org::ResolveScope(who.roles, perm::kProjectRead);
  if (!scope) return Fail(Forbidden());
  ProjectScope s;
  s.user_id = who.user_id;
  switch (*scope) {
    case org::Scope::kAll:
      s.kind = ProjectScope::Kind::kAll;
      break;
    case org::Scope::kSelf:
      s.kind = ProjectScope::Kind::kSelf;
      break;
    case org::Scope::kUnit:
      s.kind = ProjectScope::Kind::kUnits;
      s.units = {who.unit_id};
      break;
    case org::Scope::kSubtree:
      s.kind = ProjectScope::Kind::kUnits;
      s.units = org::store::Subtree(c, who.unit_id);
      break;
  }
  return s;
}

bool InScope(const Project& p, const ProjectScope& s) {
  switch (s.kind) {
    case ProjectScope::Kind::kAll:
      return true;
    case ProjectScope::Kind::kSelf:
      return std::any_of(p.promoters.begin(), p.promoters.end(),
                         [&](const PromoterEntry& e) { return e.user_id == s.user_id; });
    case ProjectScope::Kind::kUnits:
      return s.units.count(p.reporting_unit_id) || s.units.count(p.responsible_unit_id) ||
             (p.receiving_unit_id && s.units.count(*p.receiving_unit_id));
  }
  return false;
}

CallerUnits UnitsOf(db::Connection& c, const auth::Principal& who) {
  CallerUnits u;
  // Only the business roles relate to a project through their unit.
  const bool receiver = HasRole(who, "receiver");
  if (receiver) u.subtree = org::store::Subtree(c, who.unit_id);
  if (receiver || HasRole(who, "promoter")) u.ancestors = org::store::Ancestors(c, who.unit_id);
  return u;
}

Relation RelationOf(const CallerUnits& units, const auth::Principal& who, const Project& p,
                    bool promotes) {
  Relation r;
  r.coordinator = HasRole(who, "coordinator");
  r.promoter = HasRole(who, "promoter") && promotes;
  const bool business = HasRole(who, "promoter") || HasRole(who, "receiver");
  // The park's receivers, in a unit at or below the park's, or above it.
  if (HasRole(who, "receiver") && p.receiving_unit_id)
    r.receiver = units.subtree.count(*p.receiving_unit_id) > 0 ||
                 units.ancestors.count(*p.receiving_unit_id) > 0;
  // While a routing waits for the park's answer the park holds the project only to decide:
  // accepting or declining (routing_service.cpp), not editing or shelving it.
  if (business && !p.pending_routing_id) {
    r.responsible = (p.responsible_user_id && *p.responsible_user_id == who.user_id) ||
                    units.ancestors.count(p.responsible_unit_id) > 0;
  }
  return r;
}

Relation RelationOf(db::Connection& c, const auth::Principal& who, const Project& p) {
  const bool promotes =
      std::any_of(p.promoters.begin(), p.promoters.end(),
                  [&](const PromoterEntry& e) { return e.user_id == who.user_id; });
  return RelationOf(UnitsOf(c, who), who, p, promotes);
}

bool MayEdit(const auth::Principal& who, const Project& p, const Relation& rel) {
  return rel.coordinator || rel.responsible || p.promoter_id == who.user_id;
}

std::optional<int64_t> DistrictOf(db::Connection& c, std::optional<int64_t> unit) {
  for (int guard = 0; unit && guard < 20; ++guard) {
    auto u = org::store::GetUnit(c, *unit);
    if (!u) return std::nullopt;
    if (u->kind == "district") return u->id;
    unit = u->parent_id;
  }
  return std::nullopt;
}

GuardFacts FactsOf(const Project& p) {
  GuardFacts g;
  g.industry_code = p.industry_code;
  g.total_investment = p.total_investment;
  g.receiving_unit_id = p.receiving_unit_id;
  g.signing_date = p.signing_date;
  g.contracted_investment = p.contracted_investment;
  g.construction_date = p.construction_date;
  g.production_date = p.production_date;
  return g;
}

Result<Project> LoadForWrite(db::Connection& c, const auth::Principal& who, int64_t id,
                             bool lock_row) {
  auto scope = ScopeOf(c, who);
  if (!scope) return Fail(scope.error());
  if (lock_row) store::LockRow(c, id);
  auto p = store::Get(c, id);
  if (!p || !InScope(*p, *scope)) return Fail(ProjectNotFound());
  return std::move(*p);
}

std::vector<std::string> Evidence::MissingFor(Stage to) const {
  std::vector<std::string> missing;
  auto it = required.find(std::string(StageName(to)));
  if (it == required.end()) return missing;
  for (const auto& k : it->second)
    if (!held.count(k)) missing.push_back(k);
  return missing;
}

std::vector<std::string> Evidence::ChecklistFor(Stage to) const {
  return IsForward(stage, to) ? unticked : std::vector<std::string>{};
}

Evidence EvidenceOf(db::Connection& c, const Project& p) {
  Evidence e;
  e.required = store::EvidenceKinds(c);
  if (!e.required.empty())
    e.held = attachments::store::KindsOf(c, {std::string(attachments::kProject), p.id});
  e.stage = ParseStage(p.stage).value_or(Stage::kLead);
  const auto items = guide::store::Items(c, p.stage);
  if (std::any_of(items.begin(), items.end(), [](const auto& i) { return i.required; })) {
    const auto ticked = guide::store::TickedIds(c, p.id);
    for (const auto& i : items)
      if (i.required && !ticked.count(i.id)) e.unticked.push_back(i.title);
  }
  return e;
}

ProjectCapabilities CapabilitiesOf(const auth::Principal& who, const Project& p,
                                   const Relation& rel, const std::vector<Stage>& targets,
                                   const Evidence* evidence) {
  ProjectCapabilities k;
  const bool write = Can(who, perm::kProjectWrite);
  k.edit = write && MayEdit(who, p, rel);
  k.add_activity = write;
  k.adjudicate = Can(who, perm::kProjectAdjudicate);
  k.confirm_capital = Can(who, perm::kProjectConfirmCapital);
  const Stage stage = ParseStage(p.stage).value_or(Stage::kLead);
  k.route = Can(who, perm::kRoutingWrite) && IsRoutable(stage, p.pending_routing_id.has_value());
  k.attach = write && (rel.promoter || rel.coordinator || rel.receiver || rel.responsible);
  k.manage_files = write && rel.coordinator;
  if (!write) return k;
  const std::optional<Stage> before = p.stage_before ? ParseStage(*p.stage_before) : std::nullopt;
  const GuardFacts facts = FactsOf(p);
  for (Stage to : targets) {
    const Rule* rule = FindRule(stage, to, before);
    if (!rule) continue;
    const Needs needs = NeedsOf(*rule, facts);
    TransitionOption o;
    o.to = std::string(StageName(to));
    o.ask.assign(needs.ask.begin(), needs.ask.end());
    if (needs.reason_codes)
      o.reason_codes.assign(needs.reason_codes->begin(), needs.reason_codes->end());
    o.reason = std::string(ReasonTextName(needs.reason));
    if (evidence) {
      o.evidence = evidence->MissingFor(to);
      o.checklist = evidence->ChecklistFor(to);
    }
    k.transitions.push_back(std::move(o));
  }
  return k;
}

ProjectView ViewOf(db::Connection& c, const auth::Principal& who, Project p,
                   const std::string& today) {
  ProjectView v;
  const Relation rel = RelationOf(c, who, p);
  const Stage stage = ParseStage(p.stage).value_or(Stage::kLead);
  const std::optional<Stage> before = p.stage_before ? ParseStage(*p.stage_before) : std::nullopt;
  const std::vector<Stage> targets = AllowedTargets(stage, before, rel);
  for (Stage s : targets) v.allowed_transitions.emplace_back(StageName(s));
  const Evidence evidence = EvidenceOf(c, p);
  v.capabilities = CapabilitiesOf(who, p, rel, targets, &evidence);
  v.overdue = p.step_deadline && *p.step_deadline < today;
  v.project = std::move(p);
  return v;
}

}  // namespace zhaoshang::pipeline
