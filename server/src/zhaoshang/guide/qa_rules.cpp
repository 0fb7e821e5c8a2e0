#include "zhaoshang/guide/qa_rules.hpp"

#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/guide/article_rules.hpp"

namespace zhaoshang::guide {

std::map<std::string, std::string> CheckAsk(const QaQuestion& q, const Rendered& rendered) {
  std::map<std::string, std::string> bad;
  if (!IsArticleCategory(q.topic)) bad["topic"] = q.topic.empty() ? "required" : "invalid_value";
  if (q.title.empty())
    bad["title"] = "required";
  else if (Utf8Length(q.title) > kMaxQuestionTitleChars)
    bad["title"] = "too_long";
  if (Utf8Length(q.body) > kMaxQuestionBodyChars)
    bad["body"] = "too_long";
  else if (!rendered.problems.empty())
    bad["body"] = rendered.problems.front();
  return bad;
}

std::map<std::string, std::string> CheckAnswer(const std::string& body, const Rendered& rendered) {
  std::map<std::string, std::string> bad;
  if (body.empty())
    bad["body"] = "required";
  else if (Utf8Length(body) > kMaxAnswerChars)
    bad["body"] = "too_long";
  else if (!rendered.problems.empty())
    bad["body"] = rendered.problems.front();
  return bad;
}

Article PromotedArticle(const QaQuestion& q, const QaAnswer& a) {
  Article out;
  out.category = q.topic;
  out.title = q.title;
  std::string quoted;
  const std::string asked = q.body.empty() ? q.title : q.body;
  size_t start = 0;
  while (start <= asked.size()) {
    const size_t end = asked.find('\n', start);
    quoted += "> " + asked.substr(start, end == std::string::npos ? end : end - start) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  out.body = "## 问题\n\n" + quoted + "\n## 解答\n\n" + a.body + "\n\n---\n\n" + "来自一线提问：" +
             q.asked_by_name + "（" + q.unit_name + "）提问，" + a.by_name + "（" + a.by_unit_name +
             "）解答，" + LocalDateOfMs(a.at) + "。\n";
  return out;
}

}  // namespace zhaoshang::guide
