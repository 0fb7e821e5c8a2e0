#pragma once
// The permissions of the guide's routes (org/roles.cpp grants them to roles).
namespace zhaoshang::guide::perm {

// Reading the guide (articles, the booklet) and searching it: every business role.
inline constexpr const char* kGuideRead = "guide.read";
// Writing articles: the coordinator any, a department or the party school its own unit's, a
// park or district its subtree's.
inline constexpr const char* kGuideWrite = "guide.write";
// Answering questions from the front line: the coordinator, the outside experts, the party school.
// (Asking and reading them: guide.read.)
inline constexpr const char* kQaAnswer = "qa.answer";

}  // namespace zhaoshang::guide::perm
