#pragma once
// Guide articles (招商指南): written in Markdown by their owner unit (or the coordinator), every
// save a new version with a note, a diff between any two versions, read counts per reader, a
// review date, and the booklet of them all. The text is rendered on the server (markdown.hpp)
// and indexed for search in the same transaction. Audited. No SQL text, no HTTP.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/guide/article_rules.hpp"
#include "zhaoshang/guide/guide_types.hpp"
#include "zhaoshang/guide/markdown.hpp"
#include "zhaoshang/search/search_types.hpp"

namespace zhaoshang::guide {

struct ArticleView {
  Article article;
  Rendered rendered;      // of the current body (empty in lists)
  bool editable = false;  // the caller keeps the article's owner unit
  bool review_due = false;
  std::vector<std::pair<int64_t, std::string>> chain_nodes;  // id, name (Get)
};

struct ArticleDiff {
  ArticleVersion from, to;  // bodies left out
  std::vector<DiffLine> lines;
};

class ArticleService {
 public:
  ArticleService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<std::vector<ArticleView>> List(const auth::Principal& who, ArticleQuery q, int64_t* total);
  // Counts a read unless `count_read` is false (a background refresh, the editor).
  Result<ArticleView> Get(const auth::Principal& who, int64_t id, bool count_read);
  // owner_unit_id 0: the caller's unit. Errors: invalid_argument (CheckArticle, unknown
  // industry codes, owner unit, a link to an article that does not exist: body=broken_link),
  // forbidden (owner unit out of the caller's guide.write scope).
  Result<ArticleView> Create(const auth::Principal& who, Article in, const std::string& note,
                             const Actor& a);
  // Create's work inside the caller's write transaction (a promoted answer and its question's
  // link are one step); the new article's id.
  Result<int64_t> Insert(db::Connection& c, const auth::Principal& who, Article in,
                         const std::string& note, const Actor& a);
  // `in.version` is the version the writer read; a save in between is version_conflict.
  Result<ArticleView> Update(const auth::Principal& who, int64_t id, Article in,
                             const std::string& note, const Actor& a);
  Result<std::vector<ArticleVersion>> Versions(int64_t id);
  Result<ArticleVersion> Version(int64_t id, int version);
  Result<ArticleDiff> Diff(int64_t id, int from, int to);
  // What the editor shows beside the text: the rendering and what a save would refuse in it
  // (the renderer's problems, too_long, broken_link).
  Rendered Preview(const std::string& body);
  // Every article rendered, by category (the printable booklet).
  std::vector<ArticleView> Booklet();

  // The search index's view of the articles (title, plain text).
  static std::vector<search::Doc> SearchDocs(db::Connection& c);

 private:
  bool MayKeep(db::Connection& c, const auth::Principal& who, int64_t owner_unit_id);
  std::map<std::string, std::string> CheckRefs(db::Connection& c, const Article& a,
                                               const Rendered& rendered);
  std::string Today() const;

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::guide
