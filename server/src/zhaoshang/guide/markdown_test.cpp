#include "zhaoshang/guide/markdown.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace zhaoshang::guide {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Whether the HTML holds a tag the renderer does not write, an attribute it does not write (an
// event handler, a style), or a link or image target that is not safe. Text between tags is
// inert: the renderer escapes every '<' an author types.
bool LooksDangerous(const std::string& html) {
  static const char* const kOwn[] = {"p",   "h1",         "h2", "h3",  "h4",    "h5",     "h6",
                                     "ul",  "ol",         "li", "a",   "em",    "strong", "code",
                                     "pre", "blockquote", "hr", "br",  "table", "thead",  "tbody",
                                     "tr",  "th",         "td", "del", "u",     "img"};
  static const char* const kAttrs[] = {"href",  "src", "alt",    "id",     "class",
                                       "start", "rel", "target", "loading"};
  for (size_t pos = html.find('<'); pos != std::string::npos; pos = html.find('<', pos + 1)) {
    const size_t close = html.find('>', pos);
    if (close == std::string::npos) return true;
    std::string tag = Lower(html.substr(pos + 1, close - pos - 1));
    if (!tag.empty() && tag.front() == '/') tag.erase(0, 1);
    const size_t sp = tag.find(' ');
    const std::string name = tag.substr(0, sp);
    if (std::find(std::begin(kOwn), std::end(kOwn), name) == std::end(kOwn)) return true;
    // Attributes: name="value" pairs, values without quotes inside (the renderer escapes them).
    for (size_t at = sp; at != std::string::npos && at < tag.size();) {
      const size_t eq = tag.find('=', at);
      if (eq == std::string::npos) break;
      const std::string attr = tag.substr(at + 1, eq - at - 1);
      if (std::find(std::begin(kAttrs), std::end(kAttrs), attr) == std::end(kAttrs)) return true;
      if (tag[eq + 1] != '"') return true;
      const size_t end = tag.find('"', eq + 2);
      if (end == std::string::npos) return true;
      const std::string value = tag.substr(eq + 2, end - eq - 2);
      if ((attr == "href" || attr == "src") && !IsSafeLink(value)) return true;
      at = tag.find(' ', end);
    }
  }
  return false;
}

TEST(Markdown, RendersTheGuidesBlocksAndSpans) {
  auto r = RenderMarkdown(
      "# 新能源汽车产业链\n\n"
      "链主企业：**比亚迪**、*奇瑞*，~~旧数据~~。\n\n"
      "- 电池\n- 电机\n\n"
      "1. 第一步\n2. 第二步\n\n"
      "| 环节 | 数量 |\n|:---|---:|\n| 电池 | 3 |\n\n"
      "> 引用\n\n"
      "`代码`\n\n"
      "- [x] 已办\n- [ ] 未办\n");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_NE(r.html.find("<h1 id=\"h-1\">新能源汽车产业链</h1>"), std::string::npos) << r.html;
  EXPECT_NE(r.html.find("<strong>比亚迪</strong>"), std::string::npos);
  EXPECT_NE(r.html.find("<em>奇瑞</em>"), std::string::npos);
  EXPECT_NE(r.html.find("<del>旧数据</del>"), std::string::npos);
  EXPECT_NE(r.html.find("<li>电池</li>"), std::string::npos);
  EXPECT_NE(r.html.find("<ol>"), std::string::npos);
  EXPECT_NE(r.html.find("<th>环节</th>"), std::string::npos) << r.html;
  EXPECT_NE(r.html.find("<td class=\"right\">3</td>"), std::string::npos) << r.html;
  EXPECT_NE(r.html.find("<blockquote>"), std::string::npos);
  EXPECT_NE(r.html.find("<code>代码</code>"), std::string::npos);
  EXPECT_NE(r.html.find("class=\"task done\""), std::string::npos);
  ASSERT_EQ(r.headings.size(), 1u);
  EXPECT_EQ(r.headings[0].text, "新能源汽车产业链");
  EXPECT_EQ(r.headings[0].id, "h-1");
  EXPECT_NE(r.plain.find("链主企业：比亚迪、奇瑞"), std::string::npos) << r.plain;
  EXPECT_FALSE(LooksDangerous(r.html)) << r.html;
}

TEST(Markdown, KeepsSafeLinksAndMarksExternalOnes) {
  auto r = RenderMarkdown(
      "[园区](/parks/3) [官网](https://example.gov.cn/a?b=1&c=2) "
      "[信箱](mailto:tzj@example.gov.cn) [本节](#h-2)");
  EXPECT_TRUE(r.problems.empty());
  EXPECT_NE(r.html.find("<a href=\"/parks/3\">园区</a>"), std::string::npos) << r.html;
  EXPECT_NE(r.html.find("<a href=\"https://example.gov.cn/a?b=1&amp;c=2\" rel=\"noopener "
                        "noreferrer nofollow\" target=\"_blank\">官网</a>"),
            std::string::npos)
      << r.html;
  EXPECT_EQ(r.links.size(), 4u);
  EXPECT_EQ(r.links[0], "/parks/3");
}

TEST(Markdown, AnInAppImageIsShownAnOuterOneIsAProblem) {
  auto in = RenderMarkdown("![厂房](/api/v1/attachments/5/content)");
  EXPECT_TRUE(in.problems.empty());
  EXPECT_NE(in.html.find("<img src=\"/api/v1/attachments/5/content\" alt=\"厂房\""),
            std::string::npos)
      << in.html;
  auto out = RenderMarkdown("![x](https://tracker.example.com/p.png)");
  EXPECT_EQ(out.problems, std::vector<std::string>{"external_image"});
  EXPECT_EQ(out.html.find("<img"), std::string::npos);
}

TEST(Markdown, RawHtmlIsAProblemAndShownAsText) {
  auto block = RenderMarkdown("<div onclick=\"x()\">hi</div>\n");
  EXPECT_EQ(block.problems, std::vector<std::string>{"html_not_allowed"});
  EXPECT_NE(block.html.find("&lt;div onclick=&quot;x()&quot;&gt;"), std::string::npos)
      << block.html;
  auto span = RenderMarkdown("文字 <b>粗</b>");
  EXPECT_EQ(span.problems, std::vector<std::string>{"html_not_allowed"});
  // HTML inside code is text, not a problem.
  auto code = RenderMarkdown("用 `<script>` 标签\n\n```\n<b>x</b>\n```\n");
  EXPECT_TRUE(code.problems.empty()) << code.problems.size();
  EXPECT_NE(code.html.find("<code>&lt;script&gt;</code>"), std::string::npos);
}

TEST(Markdown, ACorpusOfXssPayloadsProducesNoScript) {
  const char* const kPayloads[] = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "<svg onload=alert(1)>",
      "<iframe src=\"javascript:alert(1)\"></iframe>",
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt:alert(1))",
      "[x](javascript&#58;alert(1))",
      "[x](javascript&colon;alert(1))",
      "[x](&#106;avascript:alert(1))",
      "[x](vbscript:msgbox(1))",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[x](<javascript:alert(1)>)",
      "[x]( javascript:alert(1) )",
      "[x](//evil.example.com)",
      "[x](\\\\evil)",
      "![x](javascript:alert(1))",
      "![x\" onerror=\"alert(1)](/a.png)",
      "[x](/a\" onmouseover=\"alert(1))",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<javascript:alert(1)>",
      "<style>body{display:none}</style>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "[x](/ok) <details open ontoggle=alert(1)>",
      "```html\n<script>alert(1)</script>\n```",
      "<!-- <script>alert(1)</script> -->",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "[a](https://ok.example.com \"t\\\" onmouseover=alert(1)\")",
      "| a |\n|---|\n| <script>alert(1)</script> |",
      "> <img src=1 onerror=alert(1)>",
      "- [ ] <script>alert(1)</script>",
  };
  for (const char* p : kPayloads) {
    auto r = RenderMarkdown(p);
    EXPECT_FALSE(LooksDangerous(r.html)) << p << "\n→ " << r.html;
    for (const auto& l : r.links) EXPECT_TRUE(IsSafeLink(l)) << p << " kept " << l;
  }
}

TEST(Markdown, UnsafeLinksAreProblemsAndLoseTheirAnchor) {
  for (const char* p : {"[x](javascript:alert(1))", "[x](javascript&#58;alert(1))",
                        "[x](data:text/html,hi)", "[x](//evil.example.com)"}) {
    auto r = RenderMarkdown(p);
    EXPECT_EQ(r.problems, std::vector<std::string>{"unsafe_link"}) << p;
    EXPECT_EQ(r.html.find("<a "), std::string::npos) << p << " → " << r.html;
    EXPECT_NE(r.html.find(">x<"), std::string::npos) << p << " → " << r.html;
  }
}

TEST(IsSafeLink, Schemes) {
  EXPECT_TRUE(IsSafeLink("https://a.example.com"));
  EXPECT_TRUE(IsSafeLink("HTTP://A.EXAMPLE.COM"));
  EXPECT_TRUE(IsSafeLink("mailto:a@b.cn"));
  EXPECT_TRUE(IsSafeLink("/guide/articles/3"));
  EXPECT_TRUE(IsSafeLink("#h-2"));
  EXPECT_TRUE(IsSafeLink("articles/3?x=a:b"));
  EXPECT_FALSE(IsSafeLink(""));
  EXPECT_FALSE(IsSafeLink("javascript:alert(1)"));
  EXPECT_FALSE(IsSafeLink("java\tscript:alert(1)"));
  EXPECT_FALSE(IsSafeLink("ftp://x"));
  EXPECT_FALSE(IsSafeLink("//evil.example.com"));
  EXPECT_FALSE(IsSafeLink("/\\evil.example.com"));
}

TEST(EscapeHtml, AllFive) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">'&'"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;");
}

}  // namespace
}  // namespace zhaoshang::guide
