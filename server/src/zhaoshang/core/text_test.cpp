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

// Every UTF-8 reader uses this one (JSON bodies, CSV uploads): only the shortest form of a
// scalar value is UTF-8, so the first and last code point of each length, and the bytes just
// around them, pin where acceptance starts and stops.
TEST(Text, Utf8IsTheShortestFormOfAScalarValue) {
  for (const char* ok : {"", "plain", "招商引资",
                         "\x7F",                          // U+007F, the last one-byte
                         "\xC2\x80", "\xDF\xBF",          // U+0080, U+07FF
                         "\xE0\xA0\x80", "\xEF\xBF\xBF",  // U+0800, U+FFFF
                         "\xED\x9F\xBF", "\xEE\x80\x80",  // U+D7FF, U+E000 around the surrogates
                         "\xF0\x90\x80\x80",              // U+10000
                         "\xF4\x8F\xBF\xBF"})             // U+10FFFF, the last code point
    EXPECT_TRUE(IsValidUtf8(ok)) << ok;
  const std::string refused[] = {
      "\xD5\xD0\xC9\xCC",          // 招商 in GBK
      "\xE6\x8B",                  // cut in the middle of a character
      "\x80",                      // a continuation byte with no lead
      "\xC0\x80",                  // overlong NUL
      "\xC0\xAF",                  // overlong '/' in two bytes
      "\xC1\xBF",                  // overlong U+007F
      "\xE0\x80\xAF",              // overlong '/' in three bytes
      "\xE0\x9F\xBF",              // overlong U+07FF
      "\xF0\x80\x80\xAF",          // overlong '/' in four bytes
      "\xF0\x8F\xBF\xBF",          // overlong U+FFFF
      "\xED\xA0\x80",              // U+D800, the first surrogate
      "\xED\xBF\xBF",              // U+DFFF, the last surrogate
      "\xED\xA0\xBD\xED\xB8\x80",  // a surrogate pair (CESU-8)
      "\xF4\x90\x80\x80",          // U+110000
      "\xF7\xBF\xBF\xBF",          // a lead byte that only starts values beyond U+10FFFF
      "\xF8\x88\x80\x80\x80",      // a five-byte form
      "\xFF",                      // never in UTF-8
      "a\xC0\xAFz",                // in the middle of text
  };
  for (const std::string& bad : refused)
    EXPECT_FALSE(IsValidUtf8(bad)) << testing::PrintToString(bad);
}

TEST(Text, IdsKeptInOneColumn) {
  EXPECT_EQ(JoinIds({3, 17, 42}), "3,17,42");
  EXPECT_EQ(JoinIds({}), "");
  EXPECT_EQ(SplitIds("3,17,42"), (std::vector<int64_t>{3, 17, 42}));
  EXPECT_EQ(SplitIds(""), (std::vector<int64_t>{}));
  EXPECT_EQ(SplitIds(" 5 ,x,6,"), (std::vector<int64_t>{5, 6}));
}

}  // namespace
}  // namespace zhaoshang
