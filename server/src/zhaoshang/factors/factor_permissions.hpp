#pragma once
// The permissions of the factors module's routes (org/roles.cpp grants them to roles). One name
// each, used by the route table, the service's scopes and the modules that ask about them.
namespace zhaoshang::factors::perm {

inline constexpr const char* kFactorRead = "factor.read";
inline constexpr const char* kFactorHandle = "factor.handle";  // a department's queue; all: 投促局
inline constexpr const char* kFactorSettings = "factor.settings";

}  // namespace zhaoshang::factors::perm
