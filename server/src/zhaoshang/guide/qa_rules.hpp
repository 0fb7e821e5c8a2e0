#pragma once
// Questions from the front line, pure: what a question and an answer must hold, and the article
// a good answer becomes. No SQL, no HTTP.
#include <map>
#include <string>

#include "zhaoshang/guide/guide_types.hpp"
#include "zhaoshang/guide/markdown.hpp"

namespace zhaoshang::guide {

// The search index's name for a question and its answers.
inline constexpr const char* kQaSearchKind = "qa";
inline constexpr size_t kMaxQuestionTitleChars = 100, kMaxQuestionBodyChars = 2000,
                        kMaxAnswerChars = 8000;

// Field errors of a question as asked: topic (one of the guide's categories), title (required),
// body (length, and what the Markdown renderer refuses in `rendered`).
std::map<std::string, std::string> CheckAsk(const QaQuestion& q, const Rendered& rendered);
// Field errors of an answer: body required, its length, what the renderer refuses.
std::map<std::string, std::string> CheckAnswer(const std::string& body, const Rendered& rendered);

// The article a promoted answer becomes: the question as asked (quoted), then the answer, then
// where it came from.
Article PromotedArticle(const QaQuestion& q, const QaAnswer& a);

}  // namespace zhaoshang::guide
