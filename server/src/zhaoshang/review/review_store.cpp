#include "zhaoshang/review/review_store.hpp"

#include <sstream>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace zhaoshang::review::store {
namespace json = boost::json;
namespace {

// Sheets keep their scores as a JSON object and their reason codes comma-separated.
std::string ScoresJson(const std::map<std::string, int>& s) {
  json::object o;
  for (const auto& [k, v] : s) o[k] = v;
  return json::serialize(o);
}
std::map<std::string, int> ParseScores(const std::string& s) {
  std::map<std::string, int> out;
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& kv : v.as_object())
    if (kv.value().is_int64()) out[std::string(kv.key())] = static_cast<int>(kv.value().as_int64());
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}
std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string x; std::getline(in, x, ',');)
    if (!x.empty()) out.push_back(x);
  return out;
}

DecisionRule RuleFrom(const db::Row& r, size_t first) {
  return {static_cast<int>(r.Int(first)), static_cast<int>(r.Int(first + 1)),
          static_cast<int>(r.Int(first + 2)), static_cast<int>(r.Int(first + 3))};
}

std::vector<Member> MembersFrom(const db::ResultSet& rs) {
  std::vector<Member> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Text(1), rs[i].Text(2), rs[i].Text(3)});
  return out;
}

}  // namespace

std::vector<Member> PanelMembers(db::Connection& c, int64_t panel_id) {
  return MembersFrom(c.Query(
      "SELECT m.user_id, u.name, o.name, m.category FROM review_panel_members m JOIN users u ON "
      "u.id = m.user_id JOIN org_units o ON o.id = u.unit_id WHERE m.panel_id = ? ORDER BY "
      "m.category, u.name",
      {panel_id}));
}

std::optional<Panel> GetPanel(db::Connection& c, int64_t id) {
  auto rs = c.Query(
      "SELECT id, name, active, quorum_num, quorum_den, approve_num, approve_den, version FROM "
      "review_panels WHERE id = ?",
      {id});
  if (rs.empty()) return std::nullopt;
  Panel p;
  p.id = rs[0].Int(0);
  p.name = rs[0].Text(1);
  p.active = rs[0].Int(2) != 0;
  p.rule = RuleFrom(rs[0], 3);
  p.version = rs[0].Int(7);
  p.members = PanelMembers(c, p.id);
  return p;
}

std::vector<int64_t> PanelIds(db::Connection& c) {
  auto rs = c.Query("SELECT id FROM review_panels ORDER BY id");
  std::vector<int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Int(0));
  return out;
}

int64_t InsertPanel(db::Connection& c, const std::string& name, bool active,
                    const DecisionRule& rule, int64_t now) {
  return c
      .QueryInt(
          "INSERT INTO review_panels(name, active, quorum_num, quorum_den, approve_num, "
          "approve_den, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
          {name, int64_t(active ? 1 : 0), int64_t(rule.quorum_num), int64_t(rule.quorum_den),
           int64_t(rule.approve_num), int64_t(rule.approve_den), now, now})
      .value();
}

bool UpdatePanel(db::Connection& c, int64_t id, int64_t version, const std::string& name,
                 bool active, const DecisionRule& rule, int64_t now) {
  return c.Execute(
             "UPDATE review_panels SET name = ?, active = ?, quorum_num = ?, quorum_den = ?, "
             "approve_num = ?, approve_den = ?, updated_at = ?, version = version + 1 WHERE "
             "id = ? AND version = ?",
             {name, int64_t(active ? 1 : 0), int64_t(rule.quorum_num), int64_t(rule.quorum_den),
              int64_t(rule.approve_num), int64_t(rule.approve_den), now, id, version}) == 1;
}

void AddPanelMembers(db::Connection& c, int64_t panel_id,
                     const std::vector<std::pair<int64_t, std::string>>& members) {
  for (const auto& [user, category] : members)
    c.Execute("INSERT INTO review_panel_members(panel_id, user_id, category) VALUES (?,?,?)",
              {panel_id, user, category});
}

void ReplacePanelMembers(db::Connection& c, int64_t panel_id,
                         const std::vector<std::pair<int64_t, std::string>>& members) {
  c.Execute("DELETE FROM review_panel_members WHERE panel_id = ?", {panel_id});
  AddPanelMembers(c, panel_id, members);
}

std::optional<std::string> CriteriaSetting(db::Connection& c) {
  auto rs = c.Query("SELECT value FROM settings WHERE key = 'review.criteria'");
  if (rs.empty()) return std::nullopt;
  return rs[0].Text(0);
}

void InsertCriteriaSetting(db::Connection& c, const std::string& value) {
  c.Execute("INSERT INTO settings(key, value) VALUES ('review.criteria', ?)", {value});
}

bool ReplaceCriteriaSetting(db::Connection& c, const std::string& value,
                            const std::string& expected) {
  return c.Execute("UPDATE settings SET value = ? WHERE key = 'review.criteria' AND value = ?",
                   {value, expected}) == 1;
}

bool BumpOpenRound(db::Connection& c, int64_t round_id) {
  return c.Execute(
             "UPDATE review_rounds SET version = version + 1 WHERE id = ? AND status = 'open'",
             {round_id}) == 1;
}

bool RoundExists(db::Connection& c, int64_t round_id) {
  return c.QueryInt("SELECT COUNT(*) FROM review_rounds WHERE id = ?", {round_id}).value_or(0) != 0;
}

bool OnOpenRound(db::Connection& c, int64_t project_id) {
  return c.QueryInt(
              "SELECT COUNT(*) FROM review_items i JOIN review_rounds r ON r.id = "
              "i.round_id WHERE i.project_id = ? AND r.status = 'open' AND i.removed "
              "= 0",
              {project_id})
             .value_or(0) > 0;
}

int64_t InsertRound(db::Connection& c, int64_t panel_id, const std::string& title,
                    const std::string& deadline, const DecisionRule& rule,
                    const std::string& criteria_json, int64_t created_by, int64_t now) {
  return c
      .QueryInt(
          "INSERT INTO review_rounds(panel_id, title, deadline, status, quorum_num, quorum_den, "
          "approve_num, approve_den, criteria, created_by, created_at) VALUES "
          "(?,?,?,'open',?,?,?,?,?,?,?) RETURNING id",
          {panel_id, title, deadline, int64_t(rule.quorum_num), int64_t(rule.quorum_den),
           int64_t(rule.approve_num), int64_t(rule.approve_den), criteria_json, created_by, now})
      .value();
}

void AddRoundMembers(db::Connection& c, int64_t round_id, const std::vector<Member>& members) {
  for (const auto& m : members)
    c.Execute("INSERT INTO review_round_members(round_id, user_id, category) VALUES (?,?,?)",
              {round_id, m.user_id, m.category});
}

void AddItems(db::Connection& c, int64_t round_id, const std::vector<int64_t>& project_ids) {
  int64_t pos = 0;
  for (int64_t pid : project_ids)
    c.Execute("INSERT INTO review_items(round_id, project_id, position) VALUES (?,?,?)",
              {round_id, pid, pos++});
}

std::vector<RoundSummary> ListRounds(db::Connection& c, int64_t user_id, bool all,
                                     const std::string& status) {
  std::string sql =
      "SELECT r.id, r.panel_id, p.name, r.title, r.deadline, r.status, r.created_at, r.closed_at, "
      "(SELECT COUNT(*) FROM review_items i WHERE i.round_id = r.id AND i.removed = 0), "
      "(SELECT COUNT(*) FROM review_items i WHERE i.round_id = r.id AND i.removed = 0 AND "
      "r.status = 'open' AND EXISTS (SELECT 1 FROM review_round_members m WHERE m.round_id = r.id "
      "AND m.user_id = ?) AND NOT EXISTS (SELECT 1 FROM review_sheets s WHERE s.round_id = r.id "
      "AND s.project_id = i.project_id AND s.user_id = ?)) "
      "FROM review_rounds r JOIN review_panels p ON p.id = r.panel_id WHERE 1=1";
  db::Params params = {user_id, user_id};
  if (!all) {
    sql += " AND r.id IN (SELECT round_id FROM review_round_members WHERE user_id = ?)";
    params.emplace_back(user_id);
  }
  if (!status.empty()) {
    sql += " AND r.status = ?";
    params.emplace_back(status);
  }
  sql += " ORDER BY r.id DESC";
  auto rs = c.Query(sql, params);
  std::vector<RoundSummary> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    RoundSummary s;
    s.id = rs[i].Int(0);
    s.panel_id = rs[i].Int(1);
    s.panel_name = rs[i].Text(2);
    s.title = rs[i].Text(3);
    s.deadline = rs[i].Text(4);
    s.status = rs[i].Text(5);
    s.created_at = rs[i].Int(6);
    s.closed_at = rs[i].OptInt(7);
    s.items_count = rs[i].Int(8);
    s.my_pending = rs[i].Int(9);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<RoundRow> GetRound(db::Connection& c, int64_t id) {
  auto rs = c.Query(
      "SELECT r.id, r.panel_id, p.name, r.title, r.deadline, r.status, r.created_at, r.closed_at, "
      "r.quorum_num, r.quorum_den, r.approve_num, r.approve_den, r.criteria, r.version FROM "
      "review_rounds r JOIN review_panels p ON p.id = r.panel_id WHERE r.id = ?",
      {id});
  if (rs.empty()) return std::nullopt;
  RoundRow r;
  r.summary.id = rs[0].Int(0);
  r.summary.panel_id = rs[0].Int(1);
  r.summary.panel_name = rs[0].Text(2);
  r.summary.title = rs[0].Text(3);
  r.summary.deadline = rs[0].Text(4);
  r.summary.status = rs[0].Text(5);
  r.summary.created_at = rs[0].Int(6);
  r.summary.closed_at = rs[0].OptInt(7);
  r.rule = RuleFrom(rs[0], 8);
  r.criteria_json = rs[0].Text(12);
  r.version = rs[0].Int(13);
  return r;
}

std::vector<Member> RoundMembers(db::Connection& c, int64_t round_id) {
  return MembersFrom(c.Query(
      "SELECT m.user_id, u.name, o.name, m.category FROM review_round_members m JOIN users u ON "
      "u.id = m.user_id JOIN org_units o ON o.id = u.unit_id WHERE m.round_id = ? ORDER BY "
      "m.category, u.name",
      {round_id}));
}

std::vector<ItemRow> Items(db::Connection& c, int64_t round_id) {
  auto rs = c.Query(
      "SELECT project_id, outcome, decision FROM review_items WHERE round_id = ? AND removed = 0 "
      "ORDER BY position",
      {round_id});
  std::vector<ItemRow> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].OptText(1), rs[i].IsNull(2) ? "" : rs[i].Text(2)});
  return out;
}

std::vector<Sheet> Sheets(db::Connection& c, int64_t round_id, int64_t project_id) {
  auto ss = c.Query(
      "SELECT s.user_id, u.name, s.recused, s.scores, s.weighted, s.vote, s.reason_codes, "
      "s.questions, s.comment, s.updated_at FROM review_sheets s JOIN users u ON u.id = "
      "s.user_id WHERE s.round_id = ? AND s.project_id = ? ORDER BY u.name",
      {round_id, project_id});
  std::vector<Sheet> out;
  for (size_t k = 0; k < ss.size(); ++k) {
    Sheet s;
    s.member_id = ss[k].Int(0);
    s.member_name = ss[k].Text(1);
    s.recused = ss[k].Int(2) != 0;
    s.scores = ParseScores(ss[k].Text(3));
    s.weighted = static_cast<int>(ss[k].Int(4));
    s.vote = ss[k].Text(5);
    s.reason_codes = Split(ss[k].Text(6));
    s.questions = ss[k].Text(7);
    s.comment = ss[k].Text(8);
    s.updated_at = ss[k].Int(9);
    out.push_back(std::move(s));
  }
  return out;
}

bool IsRoundMember(db::Connection& c, int64_t round_id, int64_t user_id) {
  return c.QueryInt(
              "SELECT COUNT(*) FROM review_round_members WHERE round_id = ? AND "
              "user_id = ?",
              {round_id, user_id})
             .value_or(0) > 0;
}

bool HasItem(db::Connection& c, int64_t round_id, int64_t project_id) {
  return c.QueryInt(
              "SELECT COUNT(*) FROM review_items WHERE round_id = ? AND project_id = ? AND "
              "removed = 0",
              {round_id, project_id})
             .value_or(0) != 0;
}

std::string RoundCriteria(db::Connection& c, int64_t round_id) {
  return c.Query("SELECT criteria FROM review_rounds WHERE id = ?", {round_id})[0].Text(0);
}

std::string MemberCategory(db::Connection& c, int64_t round_id, int64_t user_id) {
  return c
      .Query("SELECT category FROM review_round_members WHERE round_id = ? AND user_id = ?",
             {round_id, user_id})[0]
      .Text(0);
}

void ReplaceSheet(db::Connection& c, int64_t round_id, int64_t project_id, int64_t user_id,
                  const Sheet& s, int64_t now) {
  c.Execute("DELETE FROM review_sheets WHERE round_id = ? AND project_id = ? AND user_id = ?",
            {round_id, project_id, user_id});
  c.Execute(
      "INSERT INTO review_sheets(round_id, project_id, user_id, recused, scores, weighted, vote, "
      "reason_codes, questions, comment, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
      {round_id, project_id, user_id, int64_t(s.recused ? 1 : 0), ScoresJson(s.scores),
       int64_t(s.weighted), s.vote, Join(s.reason_codes), s.questions, s.comment, now});
}

void SetDecision(db::Connection& c, int64_t round_id, int64_t project_id,
                 const std::string& outcome, const std::string& decision_json, int64_t now) {
  c.Execute(
      "UPDATE review_items SET outcome = ?, decision = ?, decided_at = ? WHERE round_id = ? "
      "AND project_id = ?",
      {outcome, decision_json, now, round_id, project_id});
}

void CloseRound(db::Connection& c, int64_t round_id, int64_t now) {
  c.Execute(
      "UPDATE review_rounds SET status = 'closed', closed_at = ?, version = version + 1 WHERE id = "
      "?",
      {now, round_id});
}

int64_t DropOpenItems(db::Connection& c, int64_t project_id) {
  return c.Execute(
      "UPDATE review_items SET removed = 1 WHERE project_id = ? AND outcome IS NULL AND "
      "round_id IN (SELECT id FROM review_rounds WHERE status = 'open')",
      {project_id});
}

std::optional<int64_t> NextOpenRound(db::Connection& c, const std::string& today) {
  return c.QueryInt(
      "SELECT id FROM review_rounds WHERE status = 'open' AND deadline >= ? ORDER BY deadline, id "
      "LIMIT 1",
      {today});
}

int64_t ItemCount(db::Connection& c, int64_t round_id) {
  return c
      .QueryInt("SELECT COUNT(*) FROM review_items WHERE round_id = ? AND removed = 0", {round_id})
      .value_or(0);
}

void AppendItem(db::Connection& c, int64_t round_id, int64_t project_id) {
  const int64_t pos =
      c.QueryInt("SELECT COALESCE(MAX(position), -1) + 1 FROM review_items WHERE round_id = ?",
                 {round_id})
          .value_or(0);
  c.Execute(
      "INSERT INTO review_items(round_id, project_id, position) VALUES (?,?,?) ON CONFLICT "
      "(round_id, project_id) DO UPDATE SET removed = 0, position = excluded.position, outcome = "
      "NULL, decision = NULL, decided_at = NULL",
      {round_id, project_id, pos});
}

std::map<int64_t, std::string> PanelNames(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, name FROM review_panels", "id", ids);
}

std::map<int64_t, std::string> RoundTitles(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, title FROM review_rounds", "id", ids);
}

}  // namespace zhaoshang::review::store
