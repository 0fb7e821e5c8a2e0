#include "zhaoshang/guide/qa_service.hpp"

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/guide/guide_permissions.hpp"
#include "zhaoshang/guide/guide_store.hpp"
#include "zhaoshang/guide/markdown.hpp"
#include "zhaoshang/guide/qa_rules.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/search/search_store.hpp"

namespace zhaoshang::guide {

namespace {
Error QuestionNotFound() { return NotFound("question not found"); }

bool MayAnswer(const auth::Principal& who) {
  return org::ResolveScope(who.roles, perm::kQaAnswer).has_value();
}

bool MayWriteGuide(const auth::Principal& who) {
  return org::ResolveScope(who.roles, perm::kGuideWrite).has_value();
}

// The question and its answers as the search index holds them.
void Index(db::Connection& c, int64_t id) {
  auto q = store::GetQuestion(c, id);
  if (!q) return;
  std::string text = q->body + "\n";
  for (const auto& a : store::Answers(c, id)) text += a.body + "\n";
  search::store::Put(c, {kQaSearchKind, id, q->title, RenderMarkdown(text).plain, q->updated_at});
}
}  // namespace

bool QaService::ProjectVisible(const auth::Principal& who, const QaQuestion& q) {
  if (!q.project_id) return false;
  if (q.asked_by == who.user_id) return true;
  return access_ && access_(who, *q.project_id).has_value();
}

QaView QaService::ViewOf(const auth::Principal& who, QaQuestion q) {
  QaView v;
  v.project_visible = ProjectVisible(who, q);
  if (!v.project_visible) {
    q.project_id.reset();
    q.project_name.clear();
  }
  v.may_answer = MayAnswer(who);
  v.may_promote = MayWriteGuide(who) && !q.article_id && q.answers > 0;
  v.question = std::move(q);
  return v;
}

Result<std::vector<QaView>> QaService::List(const auth::Principal& who, const QaQuery& q,
                                            int64_t* total) {
  auto c = db_.Acquire();
  std::vector<QaView> out;
  for (auto& x : store::ListQuestions(*c, q, total)) out.push_back(ViewOf(who, std::move(x)));
  return out;
}

Result<QaView> QaService::Get(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto q = store::GetQuestion(*c, id);
  if (!q) return Fail(QuestionNotFound());
  QaView v = ViewOf(who, std::move(*q));
  v.body_html = RenderMarkdown(v.question.body).html;
  v.answers = store::Answers(*c, id);
  for (const auto& a : v.answers) v.answers_html.push_back(RenderMarkdown(a.body).html);
  return v;
}

Result<QaView> QaService::Ask(const auth::Principal& who, QaQuestion q, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto bad = CheckAsk(q, RenderMarkdown(q.body));
  // A project the caller may not read is one that is not there for them.
  if (q.project_id && (!access_ || !access_(who, *q.project_id))) bad["project_id"] = "not_found";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  q.asked_by = who.user_id;
  q.unit_id = who.unit_id;
  q.created_at = q.updated_at = now;
  q.answers = 0;
  q.article_id.reset();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  q.id = store::InsertQuestion(*c, q);
  Index(*c, q.id);
  audit::Diff d;
  d.Created("topic", q.topic);
  d.Created("title", q.title);
  if (q.project_id) d.Created("project_id", std::to_string(*q.project_id));
  audit::Append(*c, now, a,
                {"guide.question_ask", "guide_question", std::to_string(q.id), d.Json()});
  tx.Commit();
  return Get(who, q.id);
}

Result<QaView> QaService::Answer(const auth::Principal& who, int64_t id, const std::string& body,
                                 const Actor& a) {
  const int64_t now = clock_.NowMs();
  if (!MayAnswer(who)) return Fail(Forbidden("the coordinator, experts and trainers answer"));
  if (auto bad = CheckAnswer(body, RenderMarkdown(body)); !bad.empty())
    return Fail(InvalidArgument(bad));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto q = store::GetQuestion(*c, id);
  if (!q) return Fail(QuestionNotFound());
  const int64_t answer_id = store::InsertAnswer(*c, {0, id, body, who.user_id, "", "", now});
  Index(*c, id);
  audit::Diff d;
  d.Created("answer_id", std::to_string(answer_id));
  audit::Append(*c, now, a,
                {"guide.question_answer", "guide_question", std::to_string(id), d.Json()});
  // The asker is told (unless they answered themselves).
  notify::Send(*c, {q->asked_by}, notify::kQaAnswered,
               {"guide_question", id, std::nullopt, q->title, ""}, now, who.user_id);
  tx.Commit();
  return Get(who, id);
}

Result<ArticleView> QaService::Promote(const auth::Principal& who, int64_t id, int64_t answer_id,
                                       const Actor& a) {
  const int64_t now = clock_.NowMs();
  int64_t article_id = 0;
  {
    auto c = db_.Acquire();
    db::Transaction tx(*c, true);
    auto q = store::GetQuestion(*c, id);
    if (!q) return Fail(QuestionNotFound());
    if (q->article_id)
      return Fail(Error{
          ErrorCode::kConflict, "already_promoted", "this question is in the guide already", {}});
    std::optional<QaAnswer> answer;
    for (auto& x : store::Answers(*c, id))
      if (x.id == answer_id) answer = std::move(x);
    if (!answer) return Fail(InvalidArgument({{"answer_id", "not_found"}}));
    Article art = PromotedArticle(*q, *answer);
    art.owner_unit_id = who.unit_id;
    // Written by the guide's own rules (checks, scope, version, index, audit), in this
    // transaction with the question's link to it.
    auto made = articles_.Insert(*c, who, std::move(art), "来自一线提问 #" + std::to_string(id), a);
    if (!made) return Fail(made.error());
    article_id = *made;
    store::SetQuestionArticle(*c, id, article_id, now);
    Index(*c, id);
    audit::Diff d;
    d.Created("article_id", std::to_string(article_id));
    d.Created("answer_id", std::to_string(answer_id));
    audit::Append(*c, now, a,
                  {"guide.question_promote", "guide_question", std::to_string(id), d.Json()});
    tx.Commit();
  }
  return articles_.Get(who, article_id, false);
}

std::vector<search::Doc> QaService::SearchDocs(db::Connection& c) {
  std::vector<search::Doc> out;
  for (const auto& [q, answers] : store::QuestionsWithAnswers(c))
    out.push_back({kQaSearchKind, q.id, q.title, RenderMarkdown(q.body + "\n" + answers).plain,
                   q.updated_at});
  return out;
}

}  // namespace zhaoshang::guide
