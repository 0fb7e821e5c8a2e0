#include "zhaoshang/org/roles.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::org {
namespace {

TEST(RoleSeparation, OneAdminRoleAlone) {
  EXPECT_TRUE(ValidateRoleSet({"sysadmin"}));
  EXPECT_TRUE(ValidateRoleSet({"promoter", "reviewer"}));
  EXPECT_TRUE(ValidateRoleSet({}));
  auto two_admins = ValidateRoleSet({"sysadmin", "auditadmin"});
  ASSERT_FALSE(two_admins);
  EXPECT_EQ(two_admins.error().code, "role_conflict");
  EXPECT_EQ(ValidateRoleSet({"secadmin", "auditadmin"}).error().code, "role_conflict");
  EXPECT_EQ(ValidateRoleSet({"sysadmin", "coordinator"}).error().code, "role_conflict");
  EXPECT_EQ(ValidateRoleSet({"nobody"}).error().code, "invalid_argument");
}

TEST(RoleSeparation, AdminsSeeNoBusinessDataAndAuditAdminOnlyAudit) {
  // Accounts, the org tree, and the group robots' configuration (system settings; the delivery
  // log names a message's subject, never its recipients' data).
  for (const auto& perm : PermissionsOf({"sysadmin"})) {
    EXPECT_TRUE(perm.rfind("org.", 0) == 0 || perm.rfind("user.", 0) == 0 ||
                perm.rfind("role.", 0) == 0 || perm == "robot.manage")
        << perm;
  }
  EXPECT_EQ(PermissionsOf({"auditadmin"}), std::set<std::string>{"audit.read"});
  EXPECT_FALSE(ResolveScope({"sysadmin"}, "audit.read"));
  EXPECT_FALSE(ResolveScope({"sysadmin"}, "user.roles"));  // granting roles is the security admin's
  EXPECT_FALSE(ResolveScope({"secadmin"}, "user.write"));
  EXPECT_FALSE(ResolveScope({"promoter"}, "workbench.none"));
}

// The security administrator is told of administrator lockouts in the inbox: the one business-free
// permission it holds beside role administration; the other administrators have no inbox.
TEST(RoleSeparation, TheSecurityAdminReadsItsOwnInboxAndNoWorkbench) {
  const RoleDef* sec = FindRole(kSecurityAdmin);
  ASSERT_NE(sec, nullptr);
  EXPECT_TRUE(sec->admin);
  EXPECT_EQ(ResolveScope({std::string(kSecurityAdmin)}, "inbox.read"), Scope::kSelf);
  EXPECT_FALSE(ResolveScope({std::string(kSecurityAdmin)}, "workbench.view"));
  EXPECT_FALSE(ResolveScope({"sysadmin"}, "inbox.read"));
  EXPECT_FALSE(ResolveScope({"auditadmin"}, "inbox.read"));
  // Every business role with a workbench has an inbox.
  for (const auto& r : AllRoles())
    if (ResolveScope({std::string(r.code)}, "workbench.view"))
      EXPECT_EQ(ResolveScope({std::string(r.code)}, "inbox.read"), Scope::kSelf) << r.code;
}

TEST(Scopes, WidestGrantWins) {
  EXPECT_EQ(ResolveScope({"leader"}, "user.read"), Scope::kSubtree);
  EXPECT_EQ(ResolveScope({"leader", "coordinator"}, "user.read"), Scope::kAll);
  EXPECT_FALSE(ResolveScope({"promoter"}, "user.read").has_value());
  EXPECT_EQ(ResolveScope({"promoter"}, "workbench.view"), Scope::kSelf);
}

TEST(Scopes, InScopeRules) {
  const std::set<int64_t> subtree{10, 11, 12};
  // caller: user 1 in unit 10
  EXPECT_TRUE(InScope(Scope::kAll, 1, 10, subtree, 99, 99));
  EXPECT_TRUE(InScope(Scope::kSubtree, 1, 10, subtree, 2, 12));
  EXPECT_FALSE(InScope(Scope::kSubtree, 1, 10, subtree, 2, 13));
  EXPECT_TRUE(InScope(Scope::kUnit, 1, 10, subtree, 2, 10));
  EXPECT_FALSE(InScope(Scope::kUnit, 1, 10, subtree, 2, 11));
  EXPECT_TRUE(InScope(Scope::kSelf, 1, 10, subtree, 1, 10));
  EXPECT_FALSE(InScope(Scope::kSelf, 1, 10, subtree, 2, 10));
}

TEST(Roles, EveryGrantNamesAKnownPermission) {
  for (const auto& r : AllRoles()) {
    EXPECT_FALSE(r.grants.empty()) << r.code;
    for (const auto& g : r.grants) EXPECT_TRUE(IsKnownPermission(g.permission));
  }
  EXPECT_FALSE(IsKnownPermission("project.delete_everything"));
}

}  // namespace
}  // namespace zhaoshang::org
