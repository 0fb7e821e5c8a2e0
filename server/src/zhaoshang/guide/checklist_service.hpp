#pragma once
// Stage checklists (阶段清单): the coordinator keeps the list of each stage; a project's party
// ticks the items of the project's current stage (recorded and audited); the items a stage
// requires are the pipeline's stage guard (it reads them from the store). Who may read and tick
// a project is the pipeline's answer, handed in by the App. No SQL text, no HTTP.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/guide/guide_types.hpp"

namespace zhaoshang::guide {

// A project as the caller may see it (an error, not_found, when they may not read it).
struct ProjectAccess {
  bool tick = false;  // the project's parties: promoters, the responsible side, the coordinator
  std::string stage;
};
using ProjectAccessFn = std::function<Result<ProjectAccess>(const auth::Principal&, int64_t)>;

struct ProjectChecklist {
  std::string stage;
  std::vector<ProjectItem> items;
  bool may_tick = false;
};

class ChecklistService {
 public:
  ChecklistService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  void SetProjectAccess(ProjectAccessFn f) { access_ = std::move(f); }

  // Every stage's active items, by stage.
  std::map<std::string, std::vector<ChecklistItem>> All();
  // Replaces a stage's list (ids of the stage kept, others added, the rest deactivated).
  Result<std::vector<ChecklistItem>> SaveStage(const std::string& stage,
                                               std::vector<ChecklistItem> items, const Actor& a);

  Result<ProjectChecklist> OfProject(const auth::Principal& who, int64_t project_id);
  // Ticks an item of the project's current stage (a repeated tick changes nothing).
  Result<ProjectChecklist> Tick(const auth::Principal& who, int64_t project_id, int64_t item_id,
                                std::string note, const Actor& a);
  Result<ProjectChecklist> Untick(const auth::Principal& who, int64_t project_id, int64_t item_id,
                                  const Actor& a);

 private:
  Result<ProjectAccess> Access(const auth::Principal& who, int64_t project_id);

  db::Database& db_;
  const Clock& clock_;
  ProjectAccessFn access_;
};

}  // namespace zhaoshang::guide
