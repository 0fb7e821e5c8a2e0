#pragma once
// Guide articles, pure: the categories, the bounds of an article, and the line diff between two
// versions. No SQL, no HTTP.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/guide/guide_types.hpp"
#include "zhaoshang/guide/markdown.hpp"

namespace zhaoshang::guide {

// 产业图谱 · 政策解读 · 招商技巧 · 阶段清单 · 园区名片 (the guide's chapters, in booklet order).
inline constexpr std::string_view kArticleCategories[] = {"industry", "policy", "technique",
                                                          "checklist", "park"};
// The search index's name for an article.
inline constexpr const char* kArticleSearchKind = "article";
inline constexpr size_t kMaxArticleTitleChars = 100, kMaxArticleBodyChars = 100'000,
                        kMaxVersionNoteChars = 200, kMaxArticleIndustries = 20;

bool IsArticleCategory(std::string_view c);

// Field errors of an article as written: category, title, body (length and what the Markdown
// renderer refuses in `rendered`, the body's rendering: "html_not_allowed", "unsafe_link",
// "external_image"), review date. `today` is the reader's date: a review date must not be past.
std::map<std::string, std::string> CheckArticle(const Article& a, const Rendered& rendered,
                                                const std::string& today);

struct DiffLine {
  char op = '=';  // '=' kept, '-' only in the older text, '+' only in the newer
  std::string text;
  int old_no = 0, new_no = 0;  // 1-based line numbers (0: not in that side)
};

// The lines of `b` against `a` (a shortest edit script: the longest common subsequence of lines
// kept). Texts beyond kMaxDiffCells line pairs after the common head and tail are compared as a
// whole replacement.
inline constexpr size_t kMaxDiffCells = 4'000'000;
std::vector<DiffLine> LineDiff(std::string_view a, std::string_view b);

}  // namespace zhaoshang::guide
