#pragma once
// All SQL of the guide module: guide_articles, guide_article_versions, guide_article_readers,
// checklist_items, project_checklist_ticks, guide_questions, guide_answers.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/guide/guide_types.hpp"

namespace zhaoshang::guide::store {

// The active items of a stage (every stage when `stage` is empty), in order.
std::vector<ChecklistItem> Items(db::Connection& c, const std::string& stage);
std::optional<ChecklistItem> Item(db::Connection& c, int64_t id);
// Makes `items` the stage's list: those with an id of the stage are updated, those without are
// added, the stage's other active items deactivated (their ticks stay).
void ReplaceStage(db::Connection& c, const std::string& stage,
                  const std::vector<ChecklistItem>& items, int64_t now);
std::map<int64_t, Tick> Ticks(db::Connection& c, int64_t project_id);
std::set<int64_t> TickedIds(db::Connection& c, int64_t project_id);
// The same for several projects at once (a board page).
std::map<int64_t, std::set<int64_t>> TickedAmong(db::Connection& c,
                                                 const std::vector<int64_t>& ids);
// False when it was ticked already (PutTick) or not ticked (DeleteTick).
bool PutTick(db::Connection& c, int64_t project_id, const Tick& t);
bool DeleteTick(db::Connection& c, int64_t project_id, int64_t item_id);

// Articles. Insert and Update write the version row too; Update is false when the row's version
// is no longer `a.version - 1` (someone saved in between).
int64_t InsertArticle(db::Connection& c, const Article& a, const std::string& note);
bool UpdateArticle(db::Connection& c, const Article& a, const std::string& note);
std::optional<Article> GetArticle(db::Connection& c, int64_t id);
std::vector<Article> ListArticles(db::Connection& c, const ArticleQuery& q, int64_t* total);
// Every article with its body, by category and title (the booklet, the search index).
std::vector<Article> AllArticles(db::Connection& c);
// The versions newest first (bodies left out when `with_body` is false).
std::vector<ArticleVersion> Versions(db::Connection& c, int64_t article_id, bool with_body);
std::optional<ArticleVersion> Version(db::Connection& c, int64_t article_id, int version);
// Counts a read; false when there is no such article.
bool RecordRead(db::Connection& c, int64_t article_id, int64_t user_id, int64_t now);
// Titles by id (the audit log's object names).
std::map<int64_t, std::string> ArticleTitles(db::Connection& c, const std::set<int64_t>& ids);

// Questions from the front line, with the asker's and the project's names.
int64_t InsertQuestion(db::Connection& c, const QaQuestion& q);
std::optional<QaQuestion> GetQuestion(db::Connection& c, int64_t id);
std::vector<QaQuestion> ListQuestions(db::Connection& c, const QaQuery& q, int64_t* total);
// Oldest first, with who answered.
std::vector<QaAnswer> Answers(db::Connection& c, int64_t question_id);
// Adds the answer and counts it on its question.
int64_t InsertAnswer(db::Connection& c, const QaAnswer& a);
void SetQuestionArticle(db::Connection& c, int64_t question_id, int64_t article_id, int64_t now);
// Every question with the text of its answers (the search index).
std::vector<std::pair<QaQuestion, std::string>> QuestionsWithAnswers(db::Connection& c);
std::map<int64_t, std::string> QuestionTitles(db::Connection& c, const std::set<int64_t>& ids);

}  // namespace zhaoshang::guide::store
