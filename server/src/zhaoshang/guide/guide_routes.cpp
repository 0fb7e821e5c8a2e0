// Routes: the guide's articles (list, read, write, versions, diff, preview, booklet), the stage
// checklists (read, keep) and a project's checklist (read, tick, untick).
#include "zhaoshang/guide/guide_routes.hpp"

#include <algorithm>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/guide/article_service.hpp"
#include "zhaoshang/guide/checklist_rules.hpp"
#include "zhaoshang/guide/checklist_service.hpp"
#include "zhaoshang/guide/guide_permissions.hpp"
#include "zhaoshang/guide/qa_rules.hpp"
#include "zhaoshang/guide/qa_service.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"

namespace zhaoshang::guide {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  ChecklistService& checklists;
  ArticleService& articles;
  QaService& questions;
};

json::object ItemJson(const ChecklistItem& it) {
  return {
      {"id", it.id},
      {"stage", it.stage},
      {"title", it.title},
      {"detail", it.detail},
      {"evidence_kind", it.evidence_kind ? json::value(*it.evidence_kind) : json::value(nullptr)},
      {"required", it.required}};
}

json::object StagesJson(const std::map<std::string, std::vector<ChecklistItem>>& all) {
  json::object stages;
  for (const auto& s : ChecklistStages()) {
    json::array items;
    if (auto it = all.find(std::string(s)); it != all.end())
      for (const auto& x : it->second) items.push_back(ItemJson(x));
    stages[s] = std::move(items);
  }
  return stages;
}

http::Response ProjectJson(const Result<ProjectChecklist>& r) {
  if (!r) return ErrorResponse(r.error());
  json::array items;
  for (const auto& p : r->items) {
    json::object o = ItemJson(p.item);
    o["ticked"] = p.tick.has_value();
    o["ticked_by_name"] = p.tick ? json::value(p.tick->by_name) : json::value(nullptr);
    o["ticked_at"] = p.tick ? json::value(p.tick->at) : json::value(nullptr);
    o["note"] = p.tick ? p.tick->note : "";
    o["evidence_held"] = p.evidence_held;
    items.push_back(std::move(o));
  }
  return JsonResponse(200, json::object{{"stage", r->stage},
                                        {"items", std::move(items)},
                                        {"capabilities", json::object{{"tick", r->may_tick}}}});
}

http::Response All(const Deps& d, RequestContext&) {
  return JsonResponse(200, json::object{{"stages", StagesJson(d.checklists.All())},
                                        {"max_items", kMaxItemsPerStage}});
}

// {"items":[{"id"?,"title","detail"?,"evidence_kind"?,"required"?}]}: the stage's whole list.
http::Response SaveStage(const Deps& d, RequestContext& ctx) {
  const std::string stage = ctx.params.at(0);
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  in->Mark("items");
  std::vector<ChecklistItem> items;
  const auto* raw = in->raw().if_contains("items");
  if (!raw || !raw->is_array()) {
    in->AddError("items", raw ? "wrong_type" : "required");
  } else if (raw->as_array().size() > kMaxItemsPerStage) {
    in->AddError("items", "too_many");
  } else {
    size_t i = 0;
    for (const auto& x : raw->as_array()) {
      const std::string at = "items." + std::to_string(i++) + ".";
      if (!x.is_object()) {
        in->AddError(at.substr(0, at.size() - 1), "wrong_type");
        continue;
      }
      JsonInput xi = JsonInput::FromObject(x.as_object());
      ChecklistItem it;
      it.id = xi.Int("id", false).value_or(0);
      it.title = xi.String("title", true, kMaxTitleChars + 1).value_or("");
      // "  a  " and "a" are one title.
      while (!it.title.empty() && it.title.back() == ' ') it.title.pop_back();
      while (!it.title.empty() && it.title.front() == ' ') it.title.erase(0, 1);
      if (it.title.empty()) xi.AddError("title", "required");
      it.detail = xi.Text("detail", false, kMaxDetailChars + 1).value_or("");
      if (xi.IsNull("evidence_kind"))
        xi.Mark("evidence_kind");
      else
        it.evidence_kind = xi.String("evidence_kind", false, 40);
      it.required = xi.Bool("required", false).value_or(false);
      if (auto st = xi.Finish(); !st)
        for (const auto& [k, v] : st.error().fields) in->AddError(at + k, v);
      items.push_back(std::move(it));
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.checklists.SaveStage(stage, std::move(items), ctx.Actor());
  if (!r) return ErrorResponse(r.error());
  return All(d, ctx);
}

http::Response OfProject(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  return ProjectJson(d.checklists.OfProject(*ctx.principal, *id));
}

http::Response TickItem(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  auto item = ctx.IdParam(1);
  if (!id || !item) return ErrorResponse(NotFound("not found"));
  std::string note;
  if (!ctx.req.body.empty()) {
    auto in = JsonInput::Parse(ctx.req.body);
    if (!in) return ErrorResponse(in.error());
    note = in->String("note", false, kMaxNoteChars + 1).value_or("");
    if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  }
  return ProjectJson(d.checklists.Tick(*ctx.principal, *id, *item, std::move(note), ctx.Actor()));
}

http::Response UntickItem(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  auto item = ctx.IdParam(1);
  if (!id || !item) return ErrorResponse(NotFound("not found"));
  return ProjectJson(d.checklists.Untick(*ctx.principal, *id, *item, ctx.Actor()));
}

// --- Articles ---------------------------------------------------------------------------------

json::array HeadingsJson(const std::vector<Heading>& hs) {
  json::array a;
  for (const auto& h : hs)
    a.push_back(json::object{{"level", h.level}, {"id", h.id}, {"text", h.text}});
  return a;
}

json::array ProblemsJson(const std::vector<std::string>& ps) {
  json::array a;
  for (const auto& p : ps) a.emplace_back(p);
  return a;
}

json::object ArticleJson(const ArticleView& v, bool full) {
  const Article& a = v.article;
  json::array codes;
  for (const auto& c : a.industry_codes) codes.emplace_back(c);
  json::object o{{"id", a.id},
                 {"category", a.category},
                 {"title", a.title},
                 {"owner_unit_id", a.owner_unit_id},
                 {"owner_unit_name", a.owner_unit_name},
                 {"industry_codes", std::move(codes)},
                 {"chain_node_ids", json::array(a.chain_node_ids.begin(), a.chain_node_ids.end())},
                 {"review_on", a.review_on ? json::value(*a.review_on) : json::value(nullptr)},
                 {"review_due", v.review_due},
                 {"version", a.version},
                 {"reads", a.reads},
                 {"readers", a.readers},
                 {"updated_by_name", a.updated_by_name},
                 {"updated_at", a.updated_at},
                 {"capabilities", json::object{{"edit", v.editable}}}};
  if (full) {
    json::array nodes;
    for (const auto& [id, name] : v.chain_nodes)
      nodes.push_back(json::object{{"id", id}, {"name", name}});
    o["chain_nodes"] = std::move(nodes);
    o["body"] = a.body;
    o["html"] = v.rendered.html;
    o["headings"] = HeadingsJson(v.rendered.headings);
  } else if (!v.rendered.html.empty()) {
    o["html"] = v.rendered.html;
    o["headings"] = HeadingsJson(v.rendered.headings);
  }
  return o;
}

json::array Categories() {
  json::array a;
  for (auto c : kArticleCategories) a.emplace_back(c);
  return a;
}

http::Response ListArticles(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  ArticleQuery q;
  std::map<std::string, std::string> bad;
  q.category = ctx.req.Query("category");
  if (!q.category.empty() && !IsArticleCategory(q.category)) bad["category"] = "invalid_value";
  q.q = ctx.req.Query("q");
  if (!SanitizeText(q.q, TextKind::kLine) || Utf8Length(q.q) > 100) bad["q"] = "invalid_value";
  if (const std::string owner = ctx.req.Query("owner_unit_id"); !owner.empty()) {
    auto id = ParseDigits(owner);
    if (!id) bad["owner_unit_id"] = "invalid_value";
    q.owner_unit_id = id.value_or(0);
  }
  const std::string due = ctx.req.Query("review_due");
  if (!due.empty() && due != "1" && due != "0") bad["review_due"] = "invalid_value";
  q.review_due = due == "1";
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  q.offset = static_cast<int>(page->offset);
  q.limit = static_cast<int>(page->page_size);
  int64_t total = 0;
  auto rows = d.articles.List(*ctx.principal, q, &total);
  if (!rows) return ErrorResponse(rows.error());
  json::array items;
  for (const auto& v : *rows) items.push_back(ArticleJson(v, false));
  return JsonResponse(
      200, json::object{
               {"items", std::move(items)},
               {"total", total},
               {"page", page->page},
               {"page_size", page->page_size},
               {"categories", Categories()},
               {"capabilities",
                json::object{
                    {"create",
                     org::ResolveScope(ctx.principal->roles, perm::kGuideWrite).has_value()}}}});
}

http::Response GetArticle(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("article not found"));
  // The editor and background refreshes (?edit=1) are not reads.
  const bool count = ctx.req.Query("edit") != "1";
  auto v = d.articles.Get(*ctx.principal, *id, count);
  if (!v) return ErrorResponse(v.error());
  return JsonResponse(200, ArticleJson(*v, true));
}

// {category, title, body, owner_unit_id?, industry_codes?, review_on?, note?, version (PUT)}
Result<Article> ReadArticle(JsonInput& in, bool update, std::string* note) {
  Article a;
  a.category = in.String("category", true, 20).value_or("");
  a.title = in.String("title", true, kMaxArticleTitleChars + 1).value_or("");
  a.body = in.Text("body", true, kMaxArticleBodyChars + 1).value_or("");
  a.owner_unit_id = in.Int("owner_unit_id", false).value_or(0);
  if (in.IsNull("industry_codes"))
    in.Mark("industry_codes");
  else
    a.industry_codes = in.StringArray("industry_codes", false).value_or(std::vector<std::string>{});
  if (in.IsNull("review_on"))
    in.Mark("review_on");
  else
    a.review_on = in.String("review_on", false, 10);
  in.Mark("chain_node_ids");
  if (const auto* nodes = in.raw().if_contains("chain_node_ids"); nodes && !nodes->is_null()) {
    if (!nodes->is_array()) in.AddError("chain_node_ids", "wrong_type");
    for (const auto& n : nodes->is_array() ? nodes->as_array() : json::array{}) {
      if (!n.is_int64() || n.as_int64() <= 0) {
        in.AddError("chain_node_ids", "invalid_value");
        break;
      }
      a.chain_node_ids.push_back(n.as_int64());
    }
  }
  *note = in.String("note", false, kMaxVersionNoteChars).value_or("");
  if (update) a.version = static_cast<int>(in.Int("version", true).value_or(0));
  if (auto st = in.Finish(); !st) return Fail(st.error());
  std::sort(a.industry_codes.begin(), a.industry_codes.end());
  a.industry_codes.erase(std::unique(a.industry_codes.begin(), a.industry_codes.end()),
                         a.industry_codes.end());
  std::sort(a.chain_node_ids.begin(), a.chain_node_ids.end());
  a.chain_node_ids.erase(std::unique(a.chain_node_ids.begin(), a.chain_node_ids.end()),
                         a.chain_node_ids.end());
  return a;
}

http::Response CreateArticle(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  std::string note;
  auto a = ReadArticle(*in, false, &note);
  if (!a) return ErrorResponse(a.error());
  auto v = d.articles.Create(*ctx.principal, std::move(*a), note, ctx.Actor());
  if (!v) return ErrorResponse(v.error());
  return JsonResponse(201, ArticleJson(*v, true));
}

http::Response UpdateArticle(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("article not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  std::string note;
  auto a = ReadArticle(*in, true, &note);
  if (!a) return ErrorResponse(a.error());
  auto v = d.articles.Update(*ctx.principal, *id, std::move(*a), note, ctx.Actor());
  if (!v) return ErrorResponse(v.error());
  return JsonResponse(200, ArticleJson(*v, true));
}

json::object VersionJson(const ArticleVersion& v) {
  return {{"version", v.version},
          {"title", v.title},
          {"note", v.note},
          {"by_name", v.by_name},
          {"at", v.at}};
}

http::Response ListVersions(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("article not found"));
  auto vs = d.articles.Versions(*id);
  if (!vs) return ErrorResponse(vs.error());
  json::array items;
  for (const auto& v : *vs) items.push_back(VersionJson(v));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetVersion(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  auto n = ParseDigits(ctx.params.at(1));
  if (!id || !n || *n > 1'000'000) return ErrorResponse(NotFound("version not found"));
  auto v = d.articles.Version(*id, static_cast<int>(*n));
  if (!v) return ErrorResponse(v.error());
  json::object o = VersionJson(*v);
  o["body"] = v->body;
  o["html"] = RenderMarkdown(v->body).html;
  return JsonResponse(200, o);
}

// ?from=1&to=3
http::Response DiffVersions(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("article not found"));
  std::map<std::string, std::string> bad;
  auto read = [&](const char* key) {
    auto n = ParseDigits(ctx.req.Query(key));
    if (!n || *n < 1 || *n > 1'000'000)
      bad[key] = ctx.req.Query(key).empty() ? "required" : "invalid_value";
    return static_cast<int>(n.value_or(0));
  };
  const int from = read("from"), to = read("to");
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  auto r = d.articles.Diff(*id, from, to);
  if (!r) return ErrorResponse(r.error());
  json::array lines;
  for (const auto& l : r->lines)
    lines.push_back(json::object{{"op", l.op == '+'   ? "add"
                                        : l.op == '-' ? "del"
                                                      : "same"},
                                 {"text", l.text},
                                 {"old_no", l.old_no},
                                 {"new_no", l.new_no}});
  int added = 0, removed = 0;
  for (const auto& l : r->lines) added += l.op == '+', removed += l.op == '-';
  return JsonResponse(200, json::object{{"from", VersionJson(r->from)},
                                        {"to", VersionJson(r->to)},
                                        {"added", added},
                                        {"removed", removed},
                                        {"lines", std::move(lines)}});
}

// {body}: the rendering and the problems a save would refuse.
http::Response Preview(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  const std::string body = in->Text("body", false, kMaxArticleBodyChars + 1).value_or("");
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  const Rendered r = d.articles.Preview(body);
  return JsonResponse(200, json::object{{"html", r.html},
                                        {"headings", HeadingsJson(r.headings)},
                                        {"problems", ProblemsJson(r.problems)}});
}

http::Response Booklet(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& v : d.articles.Booklet()) items.push_back(ArticleJson(v, false));
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"categories", Categories()}});
}

// --- questions from the front line ---------------------------------------------------------

json::object QuestionJson(const QaView& v) {
  const QaQuestion& q = v.question;
  return {{"id", q.id},
          {"topic", q.topic},
          {"title", q.title},
          {"body", q.body},
          {"project_id", q.project_id ? json::value(*q.project_id) : json::value(nullptr)},
          {"project_name", q.project_name},
          {"asked_by", q.asked_by},
          {"asked_by_name", q.asked_by_name},
          {"unit_name", q.unit_name},
          {"article_id", q.article_id ? json::value(*q.article_id) : json::value(nullptr)},
          {"answers_count", q.answers},
          {"created_at", q.created_at},
          {"updated_at", q.updated_at},
          {"capabilities", json::object{{"answer", v.may_answer}, {"promote", v.may_promote}}}};
}

http::Response QuestionResponse(const Result<QaView>& r, int status) {
  if (!r) return ErrorResponse(r.error());
  json::object o = QuestionJson(*r);
  o["body_html"] = r->body_html;
  json::array answers;
  for (size_t i = 0; i < r->answers.size(); ++i) {
    const QaAnswer& a = r->answers[i];
    answers.push_back(json::object{{"id", a.id},
                                   {"body", a.body},
                                   {"html", i < r->answers_html.size() ? r->answers_html[i] : ""},
                                   {"by_name", a.by_name},
                                   {"by_unit_name", a.by_unit_name},
                                   {"at", a.at}});
  }
  o["answers"] = std::move(answers);
  return JsonResponse(status, o);
}

// ?topic=&status=open|answered&mine=1&page=
http::Response ListQuestions(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  QaQuery q;
  std::map<std::string, std::string> bad;
  q.topic = ctx.req.Query("topic");
  if (!q.topic.empty() && !IsArticleCategory(q.topic)) bad["topic"] = "invalid_value";
  q.status = ctx.req.Query("status");
  if (!q.status.empty() && q.status != "open" && q.status != "answered")
    bad["status"] = "invalid_value";
  const std::string mine = ctx.req.Query("mine");
  if (!mine.empty() && mine != "1" && mine != "0") bad["mine"] = "invalid_value";
  if (mine == "1") q.asked_by = ctx.principal->user_id;
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  q.offset = static_cast<int>(page->offset);
  q.limit = static_cast<int>(page->page_size);
  int64_t total = 0;
  auto rows = d.questions.List(*ctx.principal, q, &total);
  if (!rows) return ErrorResponse(rows.error());
  json::array items;
  for (const auto& v : *rows) items.push_back(QuestionJson(v));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size},
                                        {"categories", Categories()}});
}

http::Response GetQuestion(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("question not found"));
  return QuestionResponse(d.questions.Get(*ctx.principal, *id), 200);
}

// {"topic","title","body"?,"project_id"?}
http::Response AskQuestion(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  QaQuestion q;
  q.topic = in->String("topic", true, 20).value_or("");
  q.title = in->String("title", true, kMaxQuestionTitleChars + 1).value_or("");
  q.body = in->Text("body", false, kMaxQuestionBodyChars + 1).value_or("");
  if (in->IsNull("project_id"))
    in->Mark("project_id");
  else
    q.project_id = in->Int("project_id", false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.questions.Ask(*ctx.principal, std::move(q), ctx.Actor());
  return QuestionResponse(r, 201);
}

// {"body"}
http::Response AnswerQuestion(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("question not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  const std::string body = in->Text("body", true, kMaxAnswerChars + 1).value_or("");
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return QuestionResponse(d.questions.Answer(*ctx.principal, *id, body, ctx.Actor()), 201);
}

// {"answer_id"}: the article it became.
http::Response PromoteAnswer(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("question not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  const int64_t answer_id = in->Int("answer_id", true).value_or(0);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.questions.Promote(*ctx.principal, *id, answer_id, ctx.Actor());
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(201, ArticleJson(*r, true));
}
}  // namespace

void RegisterGuideRoutes(AppRouter& r, ChecklistService& checklists, ArticleService& articles,
                         QaService& questions) {
  auto with = BindTo(Deps{checklists, articles, questions});
  r.Add("GET", "/api/v1/guide/articles", perm::kGuideRead, with(ListArticles));
  r.Add("POST", "/api/v1/guide/articles", perm::kGuideWrite, with(CreateArticle));
  r.Add("GET", "/api/v1/guide/articles/{id}", perm::kGuideRead, with(GetArticle));
  r.Add("PUT", "/api/v1/guide/articles/{id}", perm::kGuideWrite, with(UpdateArticle));
  r.Add("GET", "/api/v1/guide/articles/{id}/versions", perm::kGuideRead, with(ListVersions));
  r.Add("GET", "/api/v1/guide/articles/{id}/versions/{version}", perm::kGuideRead,
        with(GetVersion));
  r.Add("GET", "/api/v1/guide/articles/{id}/diff", perm::kGuideRead, with(DiffVersions));
  r.Add("POST", "/api/v1/guide/preview", perm::kGuideWrite, with(Preview));
  r.Add("GET", "/api/v1/guide/booklet", perm::kGuideRead, with(Booklet));
  r.Add("GET", "/api/v1/guide/questions", perm::kGuideRead, with(ListQuestions));
  r.Add("POST", "/api/v1/guide/questions", perm::kGuideRead, with(AskQuestion));
  r.Add("GET", "/api/v1/guide/questions/{id}", perm::kGuideRead, with(GetQuestion));
  r.Add("POST", "/api/v1/guide/questions/{id}/answers", perm::kQaAnswer, with(AnswerQuestion));
  r.Add("POST", "/api/v1/guide/questions/{id}/promote", perm::kGuideWrite, with(PromoteAnswer));
  r.Add("GET", "/api/v1/checklists", pipeline::perm::kProjectRead, with(All));
  r.Add("PUT", "/api/v1/checklists/{stage}", pipeline::perm::kPipelineSettings, with(SaveStage));
  r.Add("GET", "/api/v1/projects/{id}/checklist", pipeline::perm::kProjectRead, with(OfProject));
  r.Add("POST", "/api/v1/projects/{id}/checklist/{item}/tick", pipeline::perm::kProjectWrite,
        with(TickItem));
  r.Add("DELETE", "/api/v1/projects/{id}/checklist/{item}/tick", pipeline::perm::kProjectWrite,
        with(UntickItem));
}

}  // namespace zhaoshang::guide
