#include "zhaoshang/guide/article_service.hpp"

#include <algorithm>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/catalog/catalog_store.hpp"
#include "zhaoshang/catalog/catalog_types.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/guide/guide_permissions.hpp"
#include "zhaoshang/guide/guide_store.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/search/search_store.hpp"

namespace zhaoshang::guide {

namespace {
Error ArticleNotFound() { return NotFound("article not found"); }

Error OutOfScope() {
  return Error{ErrorCode::kForbidden,
               "forbidden",
               "you keep the articles of your own unit only",
               {{"owner_unit_id", "out_of_scope"}}};
}

search::Doc DocOf(const Article& a, const std::string& plain) {
  return {kArticleSearchKind, a.id, a.title, plain, a.updated_at};
}

std::map<std::string, std::string> AuditFields(const Article& a) {
  return {{"category", a.category},
          {"title", a.title},
          {"owner_unit_id", std::to_string(a.owner_unit_id)},
          {"industry_codes", catalog::JoinCodes(a.industry_codes)},
          {"chain_node_ids", JoinIds(a.chain_node_ids)},
          {"review_on", a.review_on.value_or("")},
          {"version", std::to_string(a.version)}};
}

// "/guide/articles/12" (with or without "/api/v1" or a "#h-2" after it) → 12.
std::optional<int64_t> ArticleLink(const std::string& href) {
  std::string_view h = href;
  if (h.starts_with("/api/v1")) h.remove_prefix(7);
  constexpr std::string_view kPrefix = "/guide/articles/";
  if (!h.starts_with(kPrefix)) return std::nullopt;
  h.remove_prefix(kPrefix.size());
  int64_t id = 0;
  size_t n = 0;
  while (n < h.size() && n < 18 && h[n] >= '0' && h[n] <= '9') id = id * 10 + (h[n++] - '0');
  if (n == 0 || (n < h.size() && h[n] != '#' && h[n] != '?' && h[n] != '/')) return std::nullopt;
  return id;
}

// Whether a link leads to a guide article that does not exist (`self` may link to itself).
bool HasBrokenLink(db::Connection& c, const std::vector<std::string>& links, int64_t self) {
  for (const auto& href : links)
    if (auto id = ArticleLink(href); id && *id != self && !store::GetArticle(c, *id)) return true;
  return false;
}
}  // namespace

std::string ArticleService::Today() const { return LocalDateOfMs(clock_.NowMs()); }

bool ArticleService::MayKeep(db::Connection& c, const auth::Principal& who, int64_t owner) {
  return org::store::UnitInScope(c, who.roles, who.unit_id, perm::kGuideWrite, owner);
}

std::map<std::string, std::string> ArticleService::CheckRefs(db::Connection& c, const Article& a,
                                                             const Rendered& rendered) {
  auto bad = CheckArticle(a, rendered, Today());
  for (const auto& code : a.industry_codes)
    if (!catalog::Industries::Embedded().Find(code)) bad["industry_codes"] = "not_found";
  if (const std::set<int64_t> nodes(a.chain_node_ids.begin(), a.chain_node_ids.end());
      catalog::store::NodeNames(c, nodes).size() != nodes.size())
    bad["chain_node_ids"] = "not_found";
  if (!org::store::GetUnit(c, a.owner_unit_id)) bad["owner_unit_id"] = "not_found";
  if (!bad.count("body") && HasBrokenLink(c, rendered.links, a.id)) bad["body"] = "broken_link";
  return bad;
}

Rendered ArticleService::Preview(const std::string& body) {
  Rendered r = RenderMarkdown(body);
  auto add = [&](const char* p) {
    if (std::find(r.problems.begin(), r.problems.end(), p) == r.problems.end())
      r.problems.emplace_back(p);
  };
  if (Utf8Length(body) > kMaxArticleBodyChars) add("too_long");
  auto c = db_.Acquire();
  if (HasBrokenLink(*c, r.links, 0)) add("broken_link");
  return r;
}

Result<std::vector<ArticleView>> ArticleService::List(const auth::Principal& who, ArticleQuery q,
                                                      int64_t* total) {
  q.today = Today();
  auto c = db_.Acquire();
  std::vector<ArticleView> out;
  const auto keeps = org::store::ScopeUnits(*c, who.roles, who.unit_id, perm::kGuideWrite);
  for (auto& a : store::ListArticles(*c, q, total)) {
    a.body.clear();
    ArticleView v;
    v.editable = keeps.Has(a.owner_unit_id);
    v.review_due = a.review_on && *a.review_on <= q.today;
    v.article = std::move(a);
    out.push_back(std::move(v));
  }
  return out;
}

Result<ArticleView> ArticleService::Get(const auth::Principal& who, int64_t id, bool count_read) {
  auto c = db_.Acquire();
  if (count_read) {
    db::Transaction tx(*c, true);
    if (!store::RecordRead(*c, id, who.user_id, clock_.NowMs())) return Fail(ArticleNotFound());
    tx.Commit();
  }
  auto a = store::GetArticle(*c, id);
  if (!a) return Fail(ArticleNotFound());
  ArticleView v;
  v.editable = MayKeep(*c, who, a->owner_unit_id);
  v.review_due = a->review_on && *a->review_on <= Today();
  v.rendered = RenderMarkdown(a->body);
  const auto names = catalog::store::NodeNames(
      *c, std::set<int64_t>(a->chain_node_ids.begin(), a->chain_node_ids.end()));
  for (int64_t id : a->chain_node_ids)
    if (auto it = names.find(id); it != names.end()) v.chain_nodes.emplace_back(id, it->second);
  v.article = std::move(*a);
  return v;
}

Result<int64_t> ArticleService::Insert(db::Connection& c, const auth::Principal& who, Article in,
                                       const std::string& note, const Actor& a) {
  const int64_t now = clock_.NowMs();
  if (in.owner_unit_id == 0) in.owner_unit_id = who.unit_id;
  const Rendered rendered = RenderMarkdown(in.body);
  if (auto bad = CheckRefs(c, in, rendered); !bad.empty()) return Fail(InvalidArgument(bad));
  if (!MayKeep(c, who, in.owner_unit_id)) return Fail(OutOfScope());
  in.created_by = in.updated_by = who.user_id;
  in.created_at = in.updated_at = now;
  in.version = 1;
  in.id = store::InsertArticle(c, in, note);
  search::store::Put(c, DocOf(in, rendered.plain));
  audit::Diff d;
  for (const auto& [k, v] : AuditFields(in)) d.Created(k, v);
  if (!note.empty()) d.Created("note", note);
  audit::Append(c, now, a,
                {"guide.article_create", "guide_article", std::to_string(in.id), d.Json()});
  return in.id;
}

Result<ArticleView> ArticleService::Create(const auth::Principal& who, Article in,
                                           const std::string& note, const Actor& a) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto id = Insert(*c, who, std::move(in), note, a);
  if (!id) return Fail(id.error());
  tx.Commit();
  return Get(who, *id, false);
}

Result<ArticleView> ArticleService::Update(const auth::Principal& who, int64_t id, Article in,
                                           const std::string& note, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetArticle(*c, id);
  if (!before) return Fail(ArticleNotFound());
  if (!MayKeep(*c, who, before->owner_unit_id)) return Fail(OutOfScope());
  if (in.owner_unit_id == 0) in.owner_unit_id = before->owner_unit_id;
  in.id = id;
  const Rendered rendered = RenderMarkdown(in.body);
  auto bad = CheckRefs(*c, in, rendered);
  // A review date already past may stay as it was (a typo fixed in an overdue article).
  if (auto it = bad.find("review_on");
      it != bad.end() && it->second == "in_past" && in.review_on == before->review_on)
    bad.erase(it);
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  if (!MayKeep(*c, who, in.owner_unit_id)) return Fail(OutOfScope());
  if (in.version != before->version) return Fail(VersionConflict());
  if (in.title == before->title && in.body == before->body && in.category == before->category &&
      in.owner_unit_id == before->owner_unit_id && in.industry_codes == before->industry_codes &&
      in.chain_node_ids == before->chain_node_ids && in.review_on == before->review_on)
    return Get(who, id, false);  // nothing changed: no new version
  in.version = before->version + 1;
  in.created_by = before->created_by;
  in.created_at = before->created_at;
  in.updated_by = who.user_id;
  in.updated_at = now;
  if (!store::UpdateArticle(*c, in, note)) return Fail(VersionConflict());
  search::store::Put(*c, DocOf(in, rendered.plain));
  audit::Diff d;
  const auto was = AuditFields(*before);
  for (const auto& [k, v] : AuditFields(in)) d.Change(k, was.at(k), v);
  if (in.body != before->body)
    d.Change("body", "v" + std::to_string(before->version), "v" + std::to_string(in.version));
  if (!note.empty()) d.Created("note", note);
  audit::Append(*c, now, a,
                {"guide.article_update", "guide_article", std::to_string(id), d.Json()});
  tx.Commit();
  return Get(who, id, false);
}

Result<std::vector<ArticleVersion>> ArticleService::Versions(int64_t id) {
  auto c = db_.Acquire();
  if (!store::GetArticle(*c, id)) return Fail(ArticleNotFound());
  return store::Versions(*c, id, false);
}

Result<ArticleVersion> ArticleService::Version(int64_t id, int version) {
  auto c = db_.Acquire();
  auto v = store::Version(*c, id, version);
  if (!v) return Fail(NotFound("version not found"));
  return *v;
}

Result<ArticleDiff> ArticleService::Diff(int64_t id, int from, int to) {
  auto c = db_.Acquire();
  if (!store::GetArticle(*c, id)) return Fail(ArticleNotFound());
  auto a = store::Version(*c, id, from);
  auto b = store::Version(*c, id, to);
  std::map<std::string, std::string> bad;
  if (!a) bad["from"] = "not_found";
  if (!b) bad["to"] = "not_found";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  ArticleDiff d;
  d.lines = LineDiff("# " + a->title + "\n\n" + a->body, "# " + b->title + "\n\n" + b->body);
  a->body.clear();
  b->body.clear();
  d.from = std::move(*a);
  d.to = std::move(*b);
  return d;
}

std::vector<ArticleView> ArticleService::Booklet() {
  auto c = db_.Acquire();
  std::vector<ArticleView> out;
  const std::string today = Today();
  for (auto& a : store::AllArticles(*c)) {
    ArticleView v;
    v.rendered = RenderMarkdown(a.body);
    v.review_due = a.review_on && *a.review_on <= today;
    a.body.clear();
    v.article = std::move(a);
    out.push_back(std::move(v));
  }
  // Booklet order: the categories as the guide lists them, then titles.
  auto rank = [](const std::string& cat) {
    return std::find(std::begin(kArticleCategories), std::end(kArticleCategories), cat) -
           std::begin(kArticleCategories);
  };
  std::stable_sort(out.begin(), out.end(), [&](const ArticleView& x, const ArticleView& y) {
    return rank(x.article.category) < rank(y.article.category);
  });
  return out;
}

std::vector<search::Doc> ArticleService::SearchDocs(db::Connection& c) {
  std::vector<search::Doc> out;
  for (const auto& a : store::AllArticles(c)) out.push_back(DocOf(a, RenderMarkdown(a.body).plain));
  return out;
}

}  // namespace zhaoshang::guide
