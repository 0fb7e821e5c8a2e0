#include "zhaoshang/guide/article_rules.hpp"

#include <algorithm>
#include <cstdint>

#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/json_input.hpp"

namespace zhaoshang::guide {

bool IsArticleCategory(std::string_view c) {
  return std::find(std::begin(kArticleCategories), std::end(kArticleCategories), c) !=
         std::end(kArticleCategories);
}

std::map<std::string, std::string> CheckArticle(const Article& a, const Rendered& rendered,
                                                const std::string& today) {
  std::map<std::string, std::string> bad;
  if (!IsArticleCategory(a.category))
    bad["category"] = a.category.empty() ? "required" : "invalid_value";
  if (a.title.empty())
    bad["title"] = "required";
  else if (Utf8Length(a.title) > kMaxArticleTitleChars)
    bad["title"] = "too_long";
  if (a.body.empty()) {
    bad["body"] = "required";
  } else if (Utf8Length(a.body) > kMaxArticleBodyChars) {
    bad["body"] = "too_long";
  } else if (!rendered.problems.empty()) {
    bad["body"] = rendered.problems.front();
  }
  if (a.industry_codes.size() > kMaxArticleIndustries) bad["industry_codes"] = "too_many";
  if (a.chain_node_ids.size() > kMaxArticleIndustries) bad["chain_node_ids"] = "too_many";
  if (a.review_on) {
    if (!IsIsoDate(*a.review_on))
      bad["review_on"] = "invalid_value";
    else if (*a.review_on < today)
      bad["review_on"] = "in_past";
  }
  return bad;
}

namespace {
std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) {
      if (pos < s.size()) out.push_back(s.substr(pos));
      break;
    }
    std::string_view line = s.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    pos = nl + 1;
  }
  return out;
}
}  // namespace

std::vector<DiffLine> LineDiff(std::string_view a_text, std::string_view b_text) {
  const auto a = Lines(a_text), b = Lines(b_text);
  std::vector<DiffLine> out;
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  auto same = [&](size_t i, size_t j) {
    out.push_back({'=', std::string(a[i]), int(i + 1), int(j + 1)});
  };
  for (size_t i = 0; i < head; ++i) same(i, i);
  const size_t n = a.size() - head - tail, m = b.size() - head - tail;
  if (n * m > kMaxDiffCells) {
    for (size_t i = 0; i < n; ++i)
      out.push_back({'-', std::string(a[head + i]), int(head + i + 1), 0});
    for (size_t j = 0; j < m; ++j)
      out.push_back({'+', std::string(b[head + j]), 0, int(head + j + 1)});
  } else {
    // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1
                                              : std::max(at(i + 1, j), at(i, j + 1));
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        same(head + i, head + j);
        ++i, ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        out.push_back({'-', std::string(a[head + i]), int(head + i + 1), 0});  // removals first
        ++i;
      } else {
        out.push_back({'+', std::string(b[head + j]), 0, int(head + j + 1)});
        ++j;
      }
    }
  }
  for (size_t k = 0; k < tail; ++k) same(a.size() - tail + k, b.size() - tail + k);
  return out;
}

}  // namespace zhaoshang::guide
