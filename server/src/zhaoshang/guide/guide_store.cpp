#include "zhaoshang/guide/guide_store.hpp"

namespace zhaoshang::guide::store {

namespace {
constexpr const char* kSelect =
    "SELECT id, stage, position, title, detail, evidence_kind, required FROM checklist_items ";

std::vector<ChecklistItem> Rows(const db::ResultSet& rs) {
  std::vector<ChecklistItem> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    ChecklistItem it;
    it.id = r.Int(0);
    it.stage = r.Text(1);
    it.position = static_cast<int>(r.Int(2));
    it.title = r.Text(3);
    it.detail = r.Text(4);
    it.evidence_kind = r.OptText(5);
    it.required = r.Int(6) != 0;
    out.push_back(std::move(it));
  }
  return out;
}

db::Param OptText(const std::optional<std::string>& v) {
  return v ? db::Param(*v) : db::Param(nullptr);
}
}  // namespace

std::vector<ChecklistItem> Items(db::Connection& c, const std::string& stage) {
  if (stage.empty())
    return Rows(c.Query(std::string(kSelect) + "WHERE active = 1 ORDER BY stage, position, id"));
  return Rows(c.Query(std::string(kSelect) + "WHERE active = 1 AND stage = ? ORDER BY position, id",
                      {stage}));
}

std::optional<ChecklistItem> Item(db::Connection& c, int64_t id) {
  auto rows = Rows(c.Query(std::string(kSelect) + "WHERE active = 1 AND id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

void ReplaceStage(db::Connection& c, const std::string& stage,
                  const std::vector<ChecklistItem>& items, int64_t now) {
  std::set<int64_t> kept;
  int position = 0;
  for (const auto& it : items) {
    ++position;
    if (it.id > 0) {
      c.Execute(
          "UPDATE checklist_items SET position = ?, title = ?, detail = ?, evidence_kind = ?, "
          "required = ?, active = 1, updated_at = ? WHERE id = ? AND stage = ?",
          {int64_t{position}, it.title, it.detail, OptText(it.evidence_kind),
           int64_t{it.required ? 1 : 0}, now, it.id, stage});
      kept.insert(it.id);
    } else {
      kept.insert(c.QueryInt("INSERT INTO checklist_items(stage, position, title, detail, "
                             "evidence_kind, required, updated_at) VALUES (?,?,?,?,?,?,?) "
                             "RETURNING id",
                             {stage, int64_t{position}, it.title, it.detail,
                              OptText(it.evidence_kind), int64_t{it.required ? 1 : 0}, now})
                      .value());
    }
  }
  for (const auto& old : Items(c, stage))
    if (!kept.count(old.id))
      c.Execute("UPDATE checklist_items SET active = 0, updated_at = ? WHERE id = ?",
                {now, old.id});
}

std::map<int64_t, Tick> Ticks(db::Connection& c, int64_t project_id) {
  auto rs = c.Query(
      "SELECT t.item_id, t.ticked_by, COALESCE(u.name, ''), t.ticked_at, t.note FROM "
      "project_checklist_ticks t LEFT JOIN users u ON u.id = t.ticked_by WHERE t.project_id = ?",
      {project_id});
  std::map<int64_t, Tick> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out[rs[i].Int(0)] = {rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Int(3), rs[i].Text(4)};
  return out;
}

std::set<int64_t> TickedIds(db::Connection& c, int64_t project_id) {
  auto rs =
      c.Query("SELECT item_id FROM project_checklist_ticks WHERE project_id = ?", {project_id});
  std::set<int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out.insert(rs[i].Int(0));
  return out;
}

std::map<int64_t, std::set<int64_t>> TickedAmong(db::Connection& c,
                                                 const std::vector<int64_t>& ids) {
  std::map<int64_t, std::set<int64_t>> out;
  if (ids.empty()) return out;
  db::Params p;
  const std::string in = db::InList(std::set<int64_t>(ids.begin(), ids.end()), p);
  auto rs = c.Query(
      "SELECT project_id, item_id FROM project_checklist_ticks WHERE project_id IN (" + in + ")",
      p);
  for (size_t i = 0; i < rs.size(); ++i) out[rs[i].Int(0)].insert(rs[i].Int(1));
  return out;
}

bool PutTick(db::Connection& c, int64_t project_id, const Tick& t) {
  return c.Execute(
             "INSERT INTO project_checklist_ticks(project_id, item_id, ticked_by, ticked_at, note) "
             "VALUES (?,?,?,?,?) ON CONFLICT (project_id, item_id) DO NOTHING",
             {project_id, t.item_id, t.by, t.at, t.note}) == 1;
}

bool DeleteTick(db::Connection& c, int64_t project_id, int64_t item_id) {
  return c.Execute("DELETE FROM project_checklist_ticks WHERE project_id = ? AND item_id = ?",
                   {project_id, item_id}) == 1;
}

}  // namespace zhaoshang::guide::store
