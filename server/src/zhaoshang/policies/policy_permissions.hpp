#pragma once
// The permissions of the policy library's routes (org/roles.cpp grants them to roles).
namespace zhaoshang::policies::perm {

inline constexpr const char* kPolicyRead = "policy.read";
// Keeping policies: the coordinator any, a department its own unit's, a park its subtree's.
inline constexpr const char* kPolicyWrite = "policy.write";

}  // namespace zhaoshang::policies::perm
