#include "zhaoshang/search/search_store.hpp"

namespace zhaoshang::search::store {

namespace {
bool Lite(db::Connection& c) { return c.dialect() == db::Dialect::kSqlite; }
}  // namespace

void Put(db::Connection& c, const Doc& d) {
  const std::string tg = Grams(d.title), bg = Grams(d.body);
  if (Lite(c)) {
    c.Execute(
        "INSERT INTO search_docs(kind, ref_id, title, body, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, ref_id) DO UPDATE SET title = excluded.title, body = excluded.body, "
        "updated_at = excluded.updated_at",
        {d.kind, d.ref_id, d.title, d.body, d.updated_at});
    const int64_t id =
        *c.QueryInt("SELECT id FROM search_docs WHERE kind = ? AND ref_id = ?", {d.kind, d.ref_id});
    c.Execute("DELETE FROM search_fts WHERE rowid = ?", {id});
    c.Execute("INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)", {id, tg, bg});
    return;
  }
  c.Execute(
      "INSERT INTO search_docs(kind, ref_id, title, body, updated_at, tsv) VALUES (?, ?, ?, ?, ?, "
      "setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')) "
      "ON CONFLICT (kind, ref_id) DO UPDATE SET title = excluded.title, body = excluded.body, "
      "updated_at = excluded.updated_at, tsv = excluded.tsv",
      {d.kind, d.ref_id, d.title, d.body, d.updated_at, tg, bg});
}

void Remove(db::Connection& c, const std::string& kind, int64_t ref_id) {
  if (Lite(c)) {
    if (auto id =
            c.QueryInt("SELECT id FROM search_docs WHERE kind = ? AND ref_id = ?", {kind, ref_id}))
      c.Execute("DELETE FROM search_fts WHERE rowid = ?", {*id});
  }
  c.Execute("DELETE FROM search_docs WHERE kind = ? AND ref_id = ?", {kind, ref_id});
}

int64_t Count(db::Connection& c, const std::string& kind) {
  return c.QueryInt("SELECT COUNT(*) FROM search_docs WHERE kind = ?", {kind}).value_or(0);
}

std::vector<Doc> Find(db::Connection& c, const std::vector<Term>& terms,
                      const std::set<std::string>& kinds, int limit) {
  std::vector<Doc> out;
  if (kinds.empty() || terms.empty()) return out;
  const bool lite = Lite(c);
  // The index expression: each term the phrase of its tokens, all terms required.
  std::string match;
  for (const auto& t : terms) {
    if (t.short_term) continue;
    std::string phrase;
    for (size_t i = 0; i < t.tokens.size(); ++i) {
      if (lite)
        phrase += (i ? " " : "") + t.tokens[i];
      else
        phrase += (i ? " <-> " : "") + t.tokens[i];
    }
    if (lite)
      phrase.insert(0, "\"").append(t.prefix ? "\" *" : "\"");
    else if (t.prefix)
      phrase += ":*";
    if (!match.empty()) match += lite ? " AND " : " & ";
    match += lite ? phrase : "(" + phrase + ")";
  }
  db::Params p;
  std::string sql = "SELECT d.kind, d.ref_id, d.title, d.body, d.updated_at FROM ";
  std::string where = " WHERE d.kind IN (";
  for (const auto& k : kinds) {
    where += p.empty() ? "?" : ",?";
    p.emplace_back(k);
  }
  where += ")";
  std::string order = " ORDER BY d.updated_at DESC";
  if (!match.empty()) {
    if (lite) {
      sql += "search_fts f JOIN search_docs d ON d.id = f.rowid";
      where += " AND search_fts MATCH ?";
      p.emplace_back(match);
      order = " ORDER BY bm25(search_fts, 10.0, 1.0)";
    } else {
      sql += "search_docs d";
      where += " AND d.tsv @@ to_tsquery('simple', ?)";
      p.emplace_back(match);
      order = " ORDER BY ts_rank(d.tsv, to_tsquery('simple', ?)) DESC, d.updated_at DESC";
    }
  } else {
    sql += "search_docs d";
  }
  for (const auto& t : terms) {
    if (!t.short_term) continue;
    where += " AND (" + db::Contains(c.dialect(), "d.title") + " OR " +
             db::Contains(c.dialect(), "d.body") + ")";
    p.emplace_back(t.text);
    p.emplace_back(t.text);
  }
  if (!lite && !match.empty()) p.emplace_back(match);
  p.emplace_back(int64_t{limit});
  auto rs = c.Query(sql + where + order + " LIMIT ?", p);
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Text(0), rs[i].Int(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4)});
  return out;
}

}  // namespace zhaoshang::search::store
