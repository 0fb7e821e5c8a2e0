#pragma once
// Who may sit on a pre-review panel. Pure: the account as read, no SQL. The one rule the panel
// checks on save (CheckPanel) and the list of eligible members the panel dialog offers apply.
#include "zhaoshang/org/org_types.hpp"

namespace zhaoshang::review {

// The permission a panel member votes with.
inline constexpr const char* kParticipate = "review.participate";

// An active account whose roles let it vote (review.participate) and that holds no
// administrator role: a member who could never vote would keep the panel from its quorum.
bool MayJoinPanel(const org::User& u);

}  // namespace zhaoshang::review
