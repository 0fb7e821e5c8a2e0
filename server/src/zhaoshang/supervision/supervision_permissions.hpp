#pragma once
// The permissions of the supervision module's routes (org/roles.cpp grants them to roles). One
// name each, used by the route table, the service's scopes and the modules that ask about them.
namespace zhaoshang::supervision::perm {

inline constexpr const char* kSupervisionRead = "supervision.read";
inline constexpr const char* kSupervisionReply = "supervision.reply";
inline constexpr const char* kSupervisionIssue = "supervision.issue";

}  // namespace zhaoshang::supervision::perm
