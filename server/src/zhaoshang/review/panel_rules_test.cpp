#include "zhaoshang/review/panel_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::review {
namespace {

org::User Account(std::vector<std::string> roles, bool active = true) {
  org::User u;
  u.id = 7;
  u.roles = std::move(roles);
  u.active = active;
  return u;
}

TEST(PanelMembers, OnlyActiveAccountsThatMayVoteAndAreNoAdministrator) {
  for (const char* role :
       {"receiver", "collaborator", "reviewer", "expert", "coordinator", "unit_head"})
    EXPECT_TRUE(MayJoinPanel(Account({role}))) << role;
  // They could never vote: no review.participate.
  for (const char* role : {"promoter", "trainer", "statistician", "leader"})
    EXPECT_FALSE(MayJoinPanel(Account({role}))) << role;
  for (const char* role : {"sysadmin", "secadmin", "auditadmin"})
    EXPECT_FALSE(MayJoinPanel(Account({role}))) << role;
  EXPECT_TRUE(MayJoinPanel(Account({"promoter", "reviewer"})));  // one voting role is enough
  EXPECT_FALSE(MayJoinPanel(Account({"reviewer"}, false)));      // disabled
  EXPECT_FALSE(MayJoinPanel(Account({})));
  // An administrator beside a voting role is refused even if such a set were ever stored.
  EXPECT_FALSE(MayJoinPanel(Account({"reviewer", "sysadmin"})));
}

}  // namespace
}  // namespace zhaoshang::review
