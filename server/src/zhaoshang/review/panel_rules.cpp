#include "zhaoshang/review/panel_rules.hpp"

#include "zhaoshang/org/roles.hpp"

namespace zhaoshang::review {

bool MayJoinPanel(const org::User& u) {
  return u.active && org::ResolveScope(u.roles, kParticipate).has_value() &&
         !org::IsAdminAccount(u);
}

}  // namespace zhaoshang::review
