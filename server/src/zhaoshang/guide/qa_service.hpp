#pragma once
// Questions from the front line (一线提问): a promoter asks on a topic or from a project (one
// they may read); the coordinator, an expert or the party school answers (the asker is told);
// a good answer becomes a guide article with one click (by those who write the guide). Each
// question with its answers is indexed for search in the same transaction. Audited. No SQL text,
// no HTTP.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/guide/article_service.hpp"
#include "zhaoshang/guide/checklist_service.hpp"
#include "zhaoshang/guide/guide_types.hpp"
#include "zhaoshang/search/search_types.hpp"

namespace zhaoshang::guide {

struct QaView {
  QaQuestion question;
  bool project_visible = false;   // the caller may read the project it was asked from
  std::vector<QaAnswer> answers;  // Get only
  std::vector<std::string> answers_html;
  std::string body_html;
  bool may_answer = false, may_promote = false;
};

class QaService {
 public:
  QaService(db::Database& db, const Clock& clock, ArticleService& articles)
      : db_(db), clock_(clock), articles_(articles) {}
  void SetProjectAccess(ProjectAccessFn f) { access_ = std::move(f); }

  Result<std::vector<QaView>> List(const auth::Principal& who, const QaQuery& q, int64_t* total);
  Result<QaView> Get(const auth::Principal& who, int64_t id);
  // Errors: invalid_argument (CheckAsk; project_id=not_found for a project the caller may not
  // read).
  Result<QaView> Ask(const auth::Principal& who, QaQuestion q, const Actor& a);
  // Errors: forbidden (no qa.answer), invalid_argument (CheckAnswer).
  Result<QaView> Answer(const auth::Principal& who, int64_t id, const std::string& body,
                        const Actor& a);
  // The answer becomes an article of the question's topic, owned by the caller's unit (the
  // guide's own rules and scope apply); the question links to it. Errors: conflict
  // already_promoted, invalid_argument answer_id=not_found.
  Result<ArticleView> Promote(const auth::Principal& who, int64_t id, int64_t answer_id,
                              const Actor& a);

  static std::vector<search::Doc> SearchDocs(db::Connection& c);

 private:
  bool ProjectVisible(const auth::Principal& who, const QaQuestion& q);
  QaView ViewOf(const auth::Principal& who, QaQuestion q);

  db::Database& db_;
  const Clock& clock_;
  ArticleService& articles_;
  ProjectAccessFn access_;
};

}  // namespace zhaoshang::guide
