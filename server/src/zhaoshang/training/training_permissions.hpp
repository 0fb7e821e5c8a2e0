#pragma once
// The permissions of training's routes (org/roles.cpp grants them to roles).
namespace zhaoshang::training::perm {

// Courses and sessions, enrolling oneself, signing in, quizzes, one's own certificates: every
// business role but the outside experts (they are nobody's staff). Those who hold it are the
// "staff" completion counts.
inline constexpr const char* kTrainingRead = "training.read";
// Courses, question banks and sessions, enrolments and attendance: the coordinator any course,
// the party school (trainer) its own unit's.
inline constexpr const char* kTrainingManage = "training.manage";
// Completion per unit and per person: the coordinator, the party school and the leader every
// unit, a unit head its subtree.
inline constexpr const char* kTrainingReport = "training.report";

}  // namespace zhaoshang::training::perm
