#pragma once
// Who may see and act on a project: the caller's data scope, their relation to the project, the
// load–check–lock opening of every write, and the capabilities the web client shows — computed
// by the same functions the services enforce. Shared by the project, workflow and routing
// services; no SQL text (pipeline_store and org_store have it).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::pipeline {

Error ProjectNotFound();
// Whether the caller's roles grant the permission (at any scope).
bool Can(const auth::Principal& who, const char* permission);
Result<ProjectScope> ScopeOf(db::Connection& c, const auth::Principal& who);
bool InScope(const Project& p, const ProjectScope& s);
Relation RelationOf(db::Connection& c, const auth::Principal& who, const Project& p);
// What the relation reads about the caller's unit, read once for many projects (the board
// computes the moves of every card): the units below it and the units above it.
struct CallerUnits {
  std::set<int64_t> subtree;    // the caller's unit and below (read for receivers only)
  std::set<int64_t> ancestors;  // the caller's unit and above
};
CallerUnits UnitsOf(db::Connection& c, const auth::Principal& who);
// The same relation without the database: `promotes` = the caller is a first or co-promoter.
Relation RelationOf(const CallerUnits& units, const auth::Principal& who, const Project& p,
                    bool promotes);
// Editing a project's fields: the coordinator, the responsible party or the first reporter.
bool MayEdit(const auth::Principal& who, const Project& p, const Relation& rel);
// The district a unit lies in (itself, or its nearest district ancestor).
std::optional<int64_t> DistrictOf(db::Connection& c, std::optional<int64_t> unit);
// The facts a transition guard reads from a project.
GuardFacts FactsOf(const Project& p);

// The opening of every write, inside the caller's write transaction: the project, when it
// exists and lies in the caller's scope (else not_found; forbidden without project.read).
// `lock_row` takes the row lock first (PostgreSQL; SQLite writers are serialised), for writes
// that read a sum and add to it.
Result<Project> LoadForWrite(db::Connection& c, const auth::Principal& who, int64_t id,
                             bool lock_row = false);

// The attachments a project holds against what each stage requires (佐证材料).
struct Evidence {
  std::map<std::string, std::vector<std::string>> required;  // stage → kinds
  std::set<std::string> held;
  // The required kinds for entering `to` the project does not hold.
  std::vector<std::string> MissingFor(Stage to) const;
  // The current stage's required checklist items not ticked (titles), and the stage: what a
  // move forward out of it still needs (阶段清单).
  Stage stage = Stage::kLead;
  std::vector<std::string> unticked;
  std::vector<std::string> ChecklistFor(Stage to) const;
};
// The requirements, the kinds project `p` holds and its unticked required checklist items
// (each read only when something is required).
Evidence EvidenceOf(db::Connection& c, const Project& p);

// `targets` are AllowedTargets for this relation (the view lists them as allowed_transitions);
// `evidence`, when given, names the attachments each target still lacks.
ProjectCapabilities CapabilitiesOf(const auth::Principal& who, const Project& p,
                                   const Relation& rel, const std::vector<Stage>& targets,
                                   const Evidence* evidence = nullptr);
// The project as the caller sees it on the detail page; `today` decides "overdue".
ProjectView ViewOf(db::Connection& c, const auth::Principal& who, Project p,
                   const std::string& today);

}  // namespace zhaoshang::pipeline
