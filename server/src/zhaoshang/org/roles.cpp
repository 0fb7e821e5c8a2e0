#include "zhaoshang/org/roles.hpp"

#include <algorithm>

#include "zhaoshang/org/org_types.hpp"

namespace zhaoshang::org {

std::string_view ScopeName(Scope s) {
  switch (s) {
    case Scope::kSelf:
      return "self";
    case Scope::kUnit:
      return "unit";
    case Scope::kSubtree:
      return "subtree";
    case Scope::kAll:
      return "all";
  }
  return "self";
}

const std::vector<RoleDef>& AllRoles() {
  using enum Scope;
  // Business roles share the workbench and read the org tree (to pick units);
  // later modules add their grants here.
  static const std::vector<RoleDef> k = {
      // 招商人: reports leads and follows the projects they (co-)promote.
      {"promoter",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"org.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"project.read", kSelf},
        {"project.create", kSelf},
        {"project.write", kSelf},
        {"factor.read", kSelf},       // the factor requests they raised
        {"supervision.read", kUnit},  // 督办 addressed to their unit
        {"supervision.reply", kUnit},
        {"park.read", kAll}}},
      // 承接人: the park/district that receives projects and owns their landing.
      {"receiver",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"guide.write", kSubtree},
        {"policy.write", kSubtree},
        {"org.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"project.read", kSubtree},
        {"project.write", kSubtree},
        {"factor.read", kSubtree},
        {"supervision.read", kSubtree},
        {"supervision.reply", kSubtree},
        {"park.read", kAll},
        {"park.write", kSubtree},  // its own profile
        {"routing.read", kSubtree},
        {"routing.respond", kSubtree},
        {"review.participate", kSelf},
        {"review.view", kSelf}}},
      // 要素部门: factor departments (land, power, environment) guarantee factors.
      {"collaborator",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"guide.write", kUnit},
        {"policy.write", kUnit},
        {"org.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"factor.read", kUnit},  // its queue (要素保障)
        {"factor.handle", kUnit},
        {"supervision.read", kUnit},
        {"supervision.reply", kUnit},
        {"park.read", kAll},
        {"review.participate", kSelf},
        {"review.view", kSelf}}},
      {"reviewer",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"org.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"park.read", kAll},
        {"review.participate", kSelf},
        {"review.view", kSelf}}},
      // 外部专家: a university, institute or key-company expert on the pre-review panel; sees
      // projects only inside the rounds they sit on.
      {"expert",
       false,
       {{"workbench.view", kSelf},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"qa.answer", kAll},  // questions from the front line
        {"review.participate", kSelf},
        {"review.view", kSelf}}},
      // 投促局: sees and routes everything, adjudicates first-report disputes.
      {"coordinator",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"training.manage", kAll},
        {"training.report", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"guide.write", kAll},
        {"qa.answer", kAll},
        {"policy.write", kAll},
        {"org.read", kAll},
        {"user.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"catalog.write", kAll},
        {"calendar.write", kAll},  // the working-day calendar and the clocks' durations
        {"project.read", kAll},
        {"project.create", kAll},
        {"project.write", kAll},
        {"project.adjudicate", kAll},
        // 到位资金 past the contracted (or total) investment, and lowering the investment
        // below the capital already in place, need this confirmation.
        {"project.confirm_capital", kAll},
        {"factor.read", kAll},
        {"factor.handle", kAll},
        {"factor.settings", kAll},  // which department handles which type
        {"supervision.read", kAll},
        {"supervision.issue", kAll},  // 督办
        {"pipeline.settings", kAll},
        {"park.read", kAll},
        {"park.write", kAll},
        {"routing.read", kAll},
        {"routing.write", kAll},
        {"routing.respond", kAll},
        {"review.manage", kAll},
        {"review.participate", kSelf},
        {"review.view", kAll}}},
      {"leader",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"training.report", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"org.read", kAll},
        {"user.read", kSubtree},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"project.read", kAll},
        {"factor.read", kAll},
        {"supervision.read", kAll},
        {"supervision.issue", kAll},  // 督办 with the leader's 批示
        {"park.read", kAll},
        {"routing.read", kAll},
        {"review.read", kAll},
        {"review.view", kAll}}},
      // 单位负责人: head of a department, district or park: reads the unit subtree's projects.
      {"unit_head",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"training.report", kSubtree},  // its staff's completion
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"org.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"project.read", kSubtree},
        {"factor.read", kSubtree},
        {"supervision.read", kSubtree},
        {"supervision.reply", kSubtree},
        {"park.read", kAll},
        {"review.participate", kSelf},
        {"review.view", kSelf}}},
      {"trainer",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"training.manage", kUnit},  // the party school's courses
        {"training.report", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"guide.write", kUnit},  // the party school writes the techniques
        {"qa.answer", kAll},
        {"org.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"park.read", kAll}}},
      {"statistician",
       false,
       {{"workbench.view", kSelf},
        {"training.read", kAll},
        {"inbox.read", kSelf},
        {"policy.read", kAll},
        {"guide.read", kAll},
        {"org.read", kAll},
        {"catalog.read", kAll},
        {"calendar.read", kAll},
        {"park.read", kAll}}},
      // 系统管理员: accounts and the org tree, no business data.
      {"sysadmin",
       true,
       {{"org.read", kAll},
        {"org.write", kAll},
        {"user.read", kAll},
        {"user.write", kAll},
        {"role.read", kAll},
        {"robot.manage", kAll}}},  // units' group robots and their delivery log
      // 安全管理员: who holds which role; told in the inbox when an administrator is locked out.
      {kSecurityAdmin,
       true,
       {{"org.read", kAll},
        {"user.read", kAll},
        {"user.roles", kAll},
        {"role.read", kAll},
        {"inbox.read", kSelf}}},
      // 审计管理员: the audit log only.
      {"auditadmin", true, {{"audit.read", kAll}}},
  };
  return k;
}

bool IsAdminAccount(const User& u) {
  return std::any_of(u.roles.begin(), u.roles.end(), [](const std::string& code) {
    const RoleDef* r = FindRole(code);
    return r != nullptr && r->admin;
  });
}

const RoleDef* FindRole(std::string_view code) {
  for (const auto& r : AllRoles())
    if (r.code == code) return &r;
  return nullptr;
}

bool IsKnownPermission(std::string_view permission) {
  for (const auto& r : AllRoles())
    for (const auto& g : r.grants)
      if (g.permission == permission) return true;
  return false;
}

Status ValidateRoleSet(const std::vector<std::string>& roles) {
  int admins = 0, business = 0;
  std::set<std::string> seen;
  for (const auto& code : roles) {
    const RoleDef* r = FindRole(code);
    if (r == nullptr)
      return Fail(InvalidArgument({{"roles", "invalid_value"}}, "unknown role " + code));
    if (!seen.insert(code).second) continue;
    (r->admin ? admins : business)++;
  }
  if (admins > 1 || (admins == 1 && business > 0))
    return Fail(ErrorCode::kInvalidArgument, "role_conflict",
                "an account may hold at most one administrator role and no business role beside it",
                {{"roles", "role_conflict"}});
  return {};
}

std::optional<Scope> ResolveScope(const std::vector<std::string>& roles,
                                  std::string_view permission) {
  std::optional<Scope> best;
  for (const auto& code : roles) {
    const RoleDef* r = FindRole(code);
    if (r == nullptr) continue;
    for (const auto& g : r->grants)
      if (g.permission == permission && (!best || g.scope > *best)) best = g.scope;
  }
  return best;
}

std::set<std::string> PermissionsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& code : roles)
    if (const RoleDef* r = FindRole(code))
      for (const auto& g : r->grants) out.emplace(g.permission);
  return out;
}

std::vector<std::string> RolesGranting(std::string_view permission, bool everywhere_only) {
  std::vector<std::string> out;
  for (const auto& r : AllRoles())
    for (const auto& g : r.grants)
      if (g.permission == permission && (!everywhere_only || g.scope == Scope::kAll)) {
        out.emplace_back(r.code);
        break;
      }
  return out;
}

bool InScope(Scope scope, int64_t caller_user, int64_t caller_unit,
             const std::set<int64_t>& caller_subtree, int64_t owner_user, int64_t owner_unit) {
  switch (scope) {
    case Scope::kAll:
      return true;
    case Scope::kSubtree:
      return owner_unit == caller_unit || caller_subtree.count(owner_unit) > 0;
    case Scope::kUnit:
      return owner_unit == caller_unit;
    case Scope::kSelf:
      return owner_user == caller_user;
  }
  return false;
}

}  // namespace zhaoshang::org
