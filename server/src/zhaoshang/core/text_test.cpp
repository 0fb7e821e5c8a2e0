#include "zhaoshang/core/text.hpp"

#include <gtest/gtest.h>

namespace zhaoshang {
namespace {

std::string Clean(std::string s, TextKind k = TextKind::kLine) {
  return SanitizeText(s, k) ? s : "<refused>";
}

TEST(Text, RefusesNulAndOtherControlCharacters) {
  EXPECT_EQ(Clean(std::string("leader\0", 7)), "<refused>");
  EXPECT_EQ(Clean(std::string("\0", 1)), "<refused>");
  EXPECT_EQ(Clean("a\x01"
                  "b"),
            "<refused>");
  EXPECT_EQ(Clean("a\x1b[31mb"), "<refused>");
  EXPECT_EQ(Clean("a\x7f"), "<refused>");
  EXPECT_EQ(Clean("a\u0085b"), "<refused>");  // C1 next line
  EXPECT_EQ(Clean(std::string("a\0b", 3), TextKind::kMultiline), "<refused>");
}

TEST(Text, TabAndNewlineOnlyInMultilineText) {
  EXPECT_EQ(Clean("a\tb"), "<refused>");
  EXPECT_EQ(Clean("a\nb"), "<refused>");
  EXPECT_EQ(Clean("a\r\nb"), "<refused>");
  EXPECT_EQ(Clean("a\u2028b"), "<refused>");  // line separator
  EXPECT_EQ(Clean("a\u2029b", TextKind::kMultiline), "a\u2029b");
  EXPECT_EQ(Clean("第一行\r\n第二行\t。", TextKind::kMultiline), "第一行\r\n第二行\t。");
}

TEST(Text, OneLineMeansNoLineBreakOfAnyKind) {
  EXPECT_TRUE(IsOneLine("安庆 石化"));
  for (const char* s : {"a\tb", "a\rb", "a\nb", "a\u2028b", "a\u2029b"})
    EXPECT_FALSE(IsOneLine(s)) << s;
}

TEST(Text, StripsBidiAndZeroWidthCharacters) {
  EXPECT_EQ(Clean("安庆\u200B石化"), "安庆石化");
  EXPECT_EQ(Clean("\u202Eevil\u202C"), "evil");
  EXPECT_EQ(Clean("\uFEFF\u2066x\u2069\u00AD"), "x");
  EXPECT_EQ(Clean("\u200B\u200D"), "");  // nothing left: required checks see it empty
  EXPECT_EQ(Clean("普通文本 plain"), "普通文本 plain");
  for (const char* invisible :
       {"\u206A", "\U000E0041", "\uFFF9", "\u3164", "\u115F", "\u034F", "\uFE0F", "\U000E0100"})
    EXPECT_EQ(Clean(std::string("a") + invisible + "b"), "ab") << invisible;
}

TEST(Text, RefusesMalformedUtf8) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE5\xAE"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_TRUE(IsValidUtf8("安庆 €𝄞"));
  EXPECT_EQ(Clean("\xFF"), "<refused>");
}

}  // namespace
}  // namespace zhaoshang
