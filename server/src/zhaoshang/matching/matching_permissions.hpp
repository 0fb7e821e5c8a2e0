#pragma once
// The permissions of the park routes (org/roles.cpp grants them to roles).
namespace zhaoshang::matching::perm {

inline constexpr const char* kParkRead = "park.read";
// A park its own profile (subtree), the coordinator any.
inline constexpr const char* kParkWrite = "park.write";

}  // namespace zhaoshang::matching::perm
