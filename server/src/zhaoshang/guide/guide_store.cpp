#include "zhaoshang/guide/guide_store.hpp"

#include "zhaoshang/catalog/catalog_types.hpp"
#include "zhaoshang/core/text.hpp"

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

namespace {
constexpr const char* kArticleSelect =
    "SELECT a.id, a.category, a.title, a.body, a.owner_unit_id, ou.name, a.industry_codes, "
    "a.review_on, a.version, a.reads, (SELECT COUNT(*) FROM guide_article_readers r WHERE "
    "r.article_id = a.id), a.created_by, a.updated_by, uu.name, a.created_at, a.updated_at, "
    "a.chain_node_ids "
    "FROM guide_articles a JOIN org_units ou ON ou.id = a.owner_unit_id "
    "LEFT JOIN users uu ON uu.id = a.updated_by ";

std::vector<Article> ArticleRows(const db::ResultSet& rs) {
  std::vector<Article> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    Article a;
    a.id = r.Int(0);
    a.category = r.Text(1);
    a.title = r.Text(2);
    a.body = r.Text(3);
    a.owner_unit_id = r.Int(4);
    a.owner_unit_name = r.Text(5);
    a.industry_codes = catalog::SplitCodes(r.Text(6));
    a.review_on = r.OptText(7);
    a.version = static_cast<int>(r.Int(8));
    a.reads = r.Int(9);
    a.readers = r.Int(10);
    a.created_by = r.OptInt(11).value_or(0);
    a.updated_by = r.OptInt(12).value_or(0);
    a.updated_by_name = r.IsNull(13) ? "" : r.Text(13);
    a.created_at = r.Int(14);
    a.updated_at = r.Int(15);
    a.chain_node_ids = SplitIds(r.Text(16));
    out.push_back(std::move(a));
  }
  return out;
}

db::Param UserOrNull(int64_t id) { return id ? db::Param(id) : db::Param(nullptr); }

void InsertVersion(db::Connection& c, const Article& a, const std::string& note) {
  c.Execute(
      "INSERT INTO guide_article_versions(article_id, version, title, body, note, created_by, "
      "created_at) VALUES (?,?,?,?,?,?,?)",
      {a.id, int64_t{a.version}, a.title, a.body, note, UserOrNull(a.updated_by), a.updated_at});
}
}  // namespace

int64_t InsertArticle(db::Connection& c, const Article& in, const std::string& note) {
  auto rs = c.Query(
      "INSERT INTO guide_articles(category, title, body, owner_unit_id, industry_codes, review_on, "
      "version, created_by, updated_by, created_at, updated_at, chain_node_ids) "
      "VALUES (?,?,?,?,?,?,1,?,?,?,?,?) RETURNING id",
      {in.category, in.title, in.body, in.owner_unit_id, catalog::JoinCodes(in.industry_codes),
       OptText(in.review_on), UserOrNull(in.created_by), UserOrNull(in.updated_by), in.created_at,
       in.updated_at, JoinIds(in.chain_node_ids)});
  Article a = in;
  a.id = rs[0].Int(0);
  a.version = 1;
  InsertVersion(c, a, note);
  return a.id;
}

bool UpdateArticle(db::Connection& c, const Article& a, const std::string& note) {
  const int64_t changed = c.Execute(
      "UPDATE guide_articles SET category = ?, title = ?, body = ?, owner_unit_id = ?, "
      "industry_codes = ?, review_on = ?, version = ?, updated_by = ?, updated_at = ?, "
      "chain_node_ids = ? WHERE id = ? AND version = ?",
      {a.category, a.title, a.body, a.owner_unit_id, catalog::JoinCodes(a.industry_codes),
       OptText(a.review_on), int64_t{a.version}, UserOrNull(a.updated_by), a.updated_at,
       JoinIds(a.chain_node_ids), a.id, int64_t{a.version - 1}});
  if (changed != 1) return false;
  InsertVersion(c, a, note);
  return true;
}

std::optional<Article> GetArticle(db::Connection& c, int64_t id) {
  auto rows = ArticleRows(c.Query(std::string(kArticleSelect) + "WHERE a.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Article> ListArticles(db::Connection& c, const ArticleQuery& q, int64_t* total) {
  std::string where = "WHERE 1 = 1";
  db::Params p;
  if (!q.category.empty()) {
    where += " AND a.category = ?";
    p.emplace_back(q.category);
  }
  if (!q.q.empty()) {
    where += " AND " + db::Contains(c.dialect(), "a.title");
    p.emplace_back(q.q);
  }
  if (q.owner_unit_id) {
    where += " AND a.owner_unit_id = ?";
    p.emplace_back(q.owner_unit_id);
  }
  if (q.review_due) {
    where += " AND a.review_on IS NOT NULL AND a.review_on <= ?";
    p.emplace_back(q.today);
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM guide_articles a " + where, p).value_or(0);
  p.emplace_back(int64_t{q.limit});
  p.emplace_back(int64_t{q.offset});
  return ArticleRows(
      c.Query(std::string(kArticleSelect) + where +
                  " ORDER BY a.category, a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?",
              p));
}

std::vector<Article> AllArticles(db::Connection& c) {
  return ArticleRows(c.Query(std::string(kArticleSelect) + "ORDER BY a.category, a.title, a.id"));
}

std::vector<ArticleVersion> Versions(db::Connection& c, int64_t article_id, bool with_body) {
  auto rs =
      c.Query(std::string("SELECT v.version, v.title, ") + (with_body ? "v.body" : "''") +
                  ", v.note, v.created_by, u.name, v.created_at FROM guide_article_versions v "
                  "LEFT JOIN users u ON u.id = v.created_by WHERE v.article_id = ? "
                  "ORDER BY v.version DESC",
              {article_id});
  std::vector<ArticleVersion> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    out.push_back({static_cast<int>(r.Int(0)), r.Text(1), r.Text(2), r.Text(3),
                   r.OptInt(4).value_or(0), r.IsNull(5) ? "" : r.Text(5), r.Int(6)});
  }
  return out;
}

std::optional<ArticleVersion> Version(db::Connection& c, int64_t article_id, int version) {
  auto rs = c.Query(
      "SELECT v.version, v.title, v.body, v.note, v.created_by, u.name, v.created_at "
      "FROM guide_article_versions v LEFT JOIN users u ON u.id = v.created_by "
      "WHERE v.article_id = ? AND v.version = ?",
      {article_id, int64_t{version}});
  if (rs.empty()) return std::nullopt;
  const db::Row r = rs[0];
  return ArticleVersion{
      static_cast<int>(r.Int(0)),   r.Text(1), r.Text(2), r.Text(3), r.OptInt(4).value_or(0),
      r.IsNull(5) ? "" : r.Text(5), r.Int(6)};
}

bool RecordRead(db::Connection& c, int64_t article_id, int64_t user_id, int64_t now) {
  if (c.Execute("UPDATE guide_articles SET reads = reads + 1 WHERE id = ?", {article_id}) != 1)
    return false;
  c.Execute(
      "INSERT INTO guide_article_readers(article_id, user_id, reads, last_read_at) "
      "VALUES (?, ?, 1, ?) ON CONFLICT (article_id, user_id) DO UPDATE SET "
      "reads = guide_article_readers.reads + 1, last_read_at = excluded.last_read_at",
      {article_id, user_id, now});
  return true;
}

std::map<int64_t, std::string> ArticleTitles(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, title FROM guide_articles", "id", ids);
}

namespace {
constexpr const char* kQuestionSelect =
    "SELECT q.id, q.topic, q.title, q.body, q.project_id, COALESCE(p.name, ''), q.asked_by, "
    "COALESCE(u.name, ''), q.unit_id, COALESCE(o.name, ''), q.article_id, q.answers, q.created_at, "
    "q.updated_at FROM guide_questions q LEFT JOIN projects p ON p.id = q.project_id "
    "LEFT JOIN users u ON u.id = q.asked_by LEFT JOIN org_units o ON o.id = q.unit_id ";

std::vector<QaQuestion> QuestionRows(const db::ResultSet& rs) {
  std::vector<QaQuestion> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    QaQuestion q;
    q.id = r.Int(0);
    q.topic = r.Text(1);
    q.title = r.Text(2);
    q.body = r.Text(3);
    q.project_id = r.OptInt(4);
    q.project_name = r.Text(5);
    q.asked_by = r.Int(6);
    q.asked_by_name = r.Text(7);
    q.unit_id = r.Int(8);
    q.unit_name = r.Text(9);
    q.article_id = r.OptInt(10);
    q.answers = static_cast<int>(r.Int(11));
    q.created_at = r.Int(12);
    q.updated_at = r.Int(13);
    out.push_back(std::move(q));
  }
  return out;
}
}  // namespace

int64_t InsertQuestion(db::Connection& c, const QaQuestion& q) {
  return c
      .QueryInt(
          "INSERT INTO guide_questions(topic, title, body, project_id, asked_by, unit_id, "
          "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
          {q.topic, q.title, q.body, db::Nullable(q.project_id), q.asked_by, q.unit_id,
           q.created_at, q.updated_at})
      .value();
}

std::optional<QaQuestion> GetQuestion(db::Connection& c, int64_t id) {
  auto rows = QuestionRows(c.Query(std::string(kQuestionSelect) + "WHERE q.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<QaQuestion> ListQuestions(db::Connection& c, const QaQuery& q, int64_t* total) {
  std::string where = "WHERE 1 = 1";
  db::Params p;
  if (!q.topic.empty()) {
    where += " AND q.topic = ?";
    p.emplace_back(q.topic);
  }
  if (q.status == "open") where += " AND q.answers = 0";
  if (q.status == "answered") where += " AND q.answers > 0";
  if (q.asked_by) {
    where += " AND q.asked_by = ?";
    p.emplace_back(q.asked_by);
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM guide_questions q " + where, p).value_or(0);
  p.emplace_back(int64_t{q.limit});
  p.emplace_back(int64_t{q.offset});
  return QuestionRows(c.Query(std::string(kQuestionSelect) + where +
                                  " ORDER BY q.updated_at DESC, q.id DESC LIMIT ? OFFSET ?",
                              p));
}

std::vector<QaAnswer> Answers(db::Connection& c, int64_t question_id) {
  auto rs = c.Query(
      "SELECT a.id, a.question_id, a.body, a.answered_by, COALESCE(u.name, ''), "
      "COALESCE(o.name, ''), a.created_at FROM guide_answers a LEFT JOIN users u ON "
      "u.id = a.answered_by LEFT JOIN org_units o ON o.id = u.unit_id WHERE a.question_id = ? "
      "ORDER BY a.created_at, a.id",
      {question_id});
  std::vector<QaAnswer> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Int(3), rs[i].Text(4),
                   rs[i].Text(5), rs[i].Int(6)});
  return out;
}

int64_t InsertAnswer(db::Connection& c, const QaAnswer& a) {
  const int64_t id = c.QueryInt(
                          "INSERT INTO guide_answers(question_id, body, answered_by, created_at) "
                          "VALUES (?,?,?,?) RETURNING id",
                          {a.question_id, a.body, a.by, a.at})
                         .value();
  c.Execute("UPDATE guide_questions SET answers = answers + 1, updated_at = ? WHERE id = ?",
            {a.at, a.question_id});
  return id;
}

void SetQuestionArticle(db::Connection& c, int64_t question_id, int64_t article_id, int64_t now) {
  c.Execute("UPDATE guide_questions SET article_id = ?, updated_at = ? WHERE id = ?",
            {article_id, now, question_id});
}

std::vector<std::pair<QaQuestion, std::string>> QuestionsWithAnswers(db::Connection& c) {
  std::vector<std::pair<QaQuestion, std::string>> out;
  std::map<int64_t, size_t> at;
  for (auto& q : QuestionRows(c.Query(std::string(kQuestionSelect) + "ORDER BY q.id"))) {
    at[q.id] = out.size();
    out.emplace_back(std::move(q), "");
  }
  auto rs = c.Query("SELECT question_id, body FROM guide_answers ORDER BY question_id, id");
  for (size_t i = 0; i < rs.size(); ++i)
    if (auto it = at.find(rs[i].Int(0)); it != at.end())
      out[it->second].second += rs[i].Text(1) + "\n";
  return out;
}

std::map<int64_t, std::string> QuestionTitles(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, title FROM guide_questions", "id", ids);
}

}  // namespace zhaoshang::guide::store
