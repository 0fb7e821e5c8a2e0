#include "zhaoshang/search/search_store.hpp"

#include <map>

namespace zhaoshang::search::store {

namespace {
bool Lite(db::Connection& c) { return c.dialect() == db::Dialect::kSqlite; }

// The index expression: each term the phrase of its tokens (the last one a prefix where the
// term says so), all terms required.
std::string Expression(const std::vector<Term>& terms, bool lite) {
  std::string match;
  for (const auto& t : terms) {
    std::string phrase;
    for (size_t i = 0; i < t.tokens.size(); ++i) {
      if (i) phrase += lite ? " " : " <-> ";
      phrase += t.tokens[i];
      if (!lite && i + 1 == t.tokens.size() && t.prefix) phrase += ":*";
    }
    if (lite) {
      std::string quoted(1, '"');
      quoted += phrase;
      quoted += t.prefix ? "\" *" : "\"";
      phrase = std::move(quoted);
    }
    if (!match.empty()) match += lite ? " AND " : " & ";
    match += lite ? phrase : "(" + phrase + ")";
  }
  return match;
}

std::string KindList(const std::set<std::string>& kinds, db::Params& p) {
  std::string s;
  for (const auto& k : kinds) {
    s += s.empty() ? "?" : ",?";
    p.emplace_back(k);
  }
  return s;
}

// Ids of the matching documents among `kinds` (ranked best first when `ranked`), at most `limit`.
std::vector<int64_t> Ids(db::Connection& c, const std::string& match,
                         const std::set<std::string>& kinds, bool ranked, int limit) {
  db::Params p{match};
  std::string sql;
  if (Lite(c)) {
    sql = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND kind IN (" +
          KindList(kinds, p) + ") ";
  } else {
    sql = "SELECT d.id FROM search_docs d WHERE d.tsv @@ to_tsquery('simple', ?) AND d.kind IN (" +
          KindList(kinds, p) + ") ";
  }
  if (ranked) {
    if (Lite(c)) {
      sql += "ORDER BY bm25(search_fts, 10.0, 1.0, 0.0)";
    } else {
      sql += "ORDER BY ts_rank(d.tsv, to_tsquery('simple', ?)) DESC, d.id DESC";
      p.emplace_back(match);
    }
  }
  sql += " LIMIT ?";
  p.emplace_back(int64_t{limit});
  auto rs = c.Query(sql, p);
  std::vector<int64_t> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Int(0));
  return out;
}
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
    c.Execute("INSERT INTO search_fts(rowid, title, body, kind) VALUES (?, ?, ?, ?)",
              {id, tg, bg, d.kind});
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
  const std::string match = Expression(terms, lite);
  // Ranking reads every match: affordable up to kRankAll of them. A term found in more (招商 in a
  // city's whole guide) gives the newest matches, those with the terms in the title first.
  std::vector<int64_t> ids = Ids(c, match, kinds, false, kRankAll + 1);
  if (static_cast<int>(ids.size()) <= kRankAll && lite) {
    ids = Ids(c, match, kinds, true, limit);
  } else if (static_cast<int>(ids.size()) <= kRankAll) {
    // PostgreSQL ranks the matches it already has: asked again, the planner may read the whole
    // table for a combination of common words it cannot estimate.
    if (ids.empty()) return out;
    db::Params p;
    const std::string in = db::InList(std::set<int64_t>(ids.begin(), ids.end()), p);
    p.emplace_back(match);
    p.emplace_back(int64_t{limit});
    auto rs = c.Query("SELECT d.id FROM search_docs d WHERE d.id IN (" + in +
                          ") ORDER BY ts_rank(d.tsv, to_tsquery('simple', ?)) DESC, d.id DESC "
                          "LIMIT ?",
                      p);
    ids.clear();
    for (size_t i = 0; i < rs.size(); ++i) ids.push_back(rs[i].Int(0));
  } else {
    // Many matches: the newest kNewest of them, those with every term in the title first.
    db::Params p{match};
    const std::string kin = KindList(kinds, p);
    p.emplace_back(int64_t{kNewest});
    auto rs = c.Query(
        lite ? "SELECT f.rowid, d.title FROM search_fts f JOIN search_docs d ON d.id = f.rowid "
               "WHERE search_fts MATCH ? AND f.kind IN (" +
                   kin + ") ORDER BY f.rowid DESC LIMIT ?"
             : "SELECT d.id, d.title FROM search_docs d WHERE d.tsv @@ to_tsquery('simple', ?) "
               "AND d.kind IN (" +
                   kin + ") ORDER BY d.id DESC LIMIT ?",
        p);
    std::vector<int64_t> titled, rest;
    for (size_t i = 0; i < rs.size(); ++i)
      (Contains(rs[i].Text(1), terms) ? titled : rest).push_back(rs[i].Int(0));
    ids = std::move(titled);
    ids.insert(ids.end(), rest.begin(), rest.end());
    if (static_cast<int>(ids.size()) > limit) ids.resize(limit);
  }
  if (ids.empty()) return out;
  db::Params p;
  const std::string in = db::InList(std::set<int64_t>(ids.begin(), ids.end()), p);
  auto rs = c.Query(
      "SELECT id, kind, ref_id, title, body, updated_at FROM search_docs WHERE id IN (" + in + ")",
      p);
  std::map<int64_t, Doc> by;
  for (size_t i = 0; i < rs.size(); ++i)
    by[rs[i].Int(0)] = {rs[i].Text(1), rs[i].Int(2), rs[i].Text(3), rs[i].Text(4), rs[i].Int(5)};
  out.reserve(ids.size());
  for (int64_t id : ids)
    if (auto it = by.find(id); it != by.end()) out.push_back(std::move(it->second));
  return out;
}

}  // namespace zhaoshang::search::store
