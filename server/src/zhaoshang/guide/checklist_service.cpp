#include "zhaoshang/guide/checklist_service.hpp"

#include <set>

#include "zhaoshang/attachments/attachment_rules.hpp"
#include "zhaoshang/attachments/attachments_store.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/guide/checklist_rules.hpp"
#include "zhaoshang/guide/guide_store.hpp"

namespace zhaoshang::guide {

namespace {
bool KnownKind(std::string_view k) { return attachments::FindKind(k) != nullptr; }

std::string Listed(const std::vector<ChecklistItem>& items) {
  std::string out;
  for (const auto& it : items)
    out += (out.empty() ? "" : "; ") + it.title + (it.required ? "*" : "") +
           (it.evidence_kind ? "[" + *it.evidence_kind + "]" : "");
  return out;
}
}  // namespace

std::map<std::string, std::vector<ChecklistItem>> ChecklistService::All() {
  auto c = db_.Acquire();
  std::map<std::string, std::vector<ChecklistItem>> out;
  for (auto& it : store::Items(*c, "")) out[it.stage].push_back(std::move(it));
  return out;
}

Result<std::vector<ChecklistItem>> ChecklistService::SaveStage(const std::string& stage,
                                                               std::vector<ChecklistItem> items,
                                                               const Actor& a) {
  if (!IsChecklistStage(stage)) return Fail(NotFound("no checklist for this stage"));
  if (auto bad = CheckItems(items, KnownKind); !bad.empty()) return Fail(InvalidArgument(bad));
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  const auto before = store::Items(*c, stage);
  std::set<int64_t> ours;
  for (const auto& it : before) ours.insert(it.id);
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].id > 0 && !ours.count(items[i].id))
      return Fail(InvalidArgument({{"items." + std::to_string(i) + ".id", "not_found"}}));
  store::ReplaceStage(*c, stage, items, now);
  auto after = store::Items(*c, stage);
  audit::Diff d;
  d.Change(stage, Listed(before), Listed(after));
  audit::Append(*c, now, a, {"guide.checklist", "settings", "checklist." + stage, d.Json()});
  tx.Commit();
  return after;
}

Result<ProjectAccess> ChecklistService::Access(const auth::Principal& who, int64_t project_id) {
  if (!access_) return Fail(NotFound("project not found"));
  return access_(who, project_id);
}

Result<ProjectChecklist> ChecklistService::OfProject(const auth::Principal& who,
                                                     int64_t project_id) {
  auto access = Access(who, project_id);
  if (!access) return Fail(access.error());
  auto c = db_.Acquire();
  ProjectChecklist out;
  out.stage = access->stage;
  out.may_tick = access->tick && IsChecklistStage(access->stage);
  const auto ticks = store::Ticks(*c, project_id);
  const auto held =
      attachments::store::KindsOf(*c, {std::string(attachments::kProject), project_id});
  for (auto& it : store::Items(*c, access->stage)) {
    ProjectItem p;
    p.evidence_held = it.evidence_kind && held.count(*it.evidence_kind);
    if (auto t = ticks.find(it.id); t != ticks.end()) p.tick = t->second;
    p.item = std::move(it);
    out.items.push_back(std::move(p));
  }
  return out;
}

Result<ProjectChecklist> ChecklistService::Tick(const auth::Principal& who, int64_t project_id,
                                                int64_t item_id, std::string note, const Actor& a) {
  auto access = Access(who, project_id);
  if (!access) return Fail(access.error());
  if (!access->tick) return Fail(Forbidden("only the project's parties tick its checklist"));
  if (!SanitizeText(note, TextKind::kLine))
    return Fail(InvalidArgument({{"note", "invalid_value"}}));
  if (Utf8Length(note) > kMaxNoteChars) return Fail(InvalidArgument({{"note", "too_long"}}));
  const int64_t now = clock_.NowMs();
  {
    auto c = db_.Acquire();
    db::Transaction tx(*c, true);
    auto item = store::Item(*c, item_id);
    // Only the current stage's list is ticked: an item of another stage is not this one's.
    if (!item || item->stage != access->stage)
      return Fail(NotFound("no such item in the project's current stage"));
    if (store::PutTick(*c, project_id, {item_id, who.user_id, "", now, note})) {
      audit::Diff d;
      d.Created("item", item->title);
      if (!note.empty()) d.Created("note", note);
      audit::Append(*c, now, a,
                    {"project.checklist_tick", "project", std::to_string(project_id), d.Json()});
    }
    tx.Commit();
  }
  return OfProject(who, project_id);
}

Result<ProjectChecklist> ChecklistService::Untick(const auth::Principal& who, int64_t project_id,
                                                  int64_t item_id, const Actor& a) {
  auto access = Access(who, project_id);
  if (!access) return Fail(access.error());
  if (!access->tick) return Fail(Forbidden("only the project's parties tick its checklist"));
  const int64_t now = clock_.NowMs();
  {
    auto c = db_.Acquire();
    db::Transaction tx(*c, true);
    auto item = store::Item(*c, item_id);
    if (!item || item->stage != access->stage)
      return Fail(NotFound("no such item in the project's current stage"));
    if (store::DeleteTick(*c, project_id, item_id)) {
      audit::Diff d;
      d.Change("item", item->title, std::nullopt);
      audit::Append(*c, now, a,
                    {"project.checklist_untick", "project", std::to_string(project_id), d.Json()});
    }
    tx.Commit();
  }
  return OfProject(who, project_id);
}

}  // namespace zhaoshang::guide
