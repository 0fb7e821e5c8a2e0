#include "zhaoshang/core/text.hpp"

namespace zhaoshang {
namespace {
// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when malformed (overlong,
// surrogate, beyond U+10FFFF or truncated).
size_t Decode(std::string_view s, size_t i, char32_t& cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  size_t n;
  char32_t min;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool IsControl(char32_t cp, TextKind kind) {
  // Line breaks, including the Unicode line and paragraph separators.
  if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
    return kind == TextKind::kLine;
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}
}  // namespace

bool IsStrippedFormatChar(char32_t cp) {
  return cp == 0x00AD                          // soft hyphen
         || cp == 0x034F                       // combining grapheme joiner
         || cp == 0x061C                       // Arabic letter mark
         || cp == 0x115F || cp == 0x1160       // Hangul choseong/jungseong fillers
         || (cp >= 0x17B4 && cp <= 0x17B5)     // Khmer inherent vowels
         || (cp >= 0x180B && cp <= 0x180F)     // Mongolian variation selectors, vowel separator
         || (cp >= 0x200B && cp <= 0x200F)     // zero-width space/joiners, LRM, RLM
         || (cp >= 0x202A && cp <= 0x202E)     // bidi embeddings and overrides
         || (cp >= 0x2060 && cp <= 0x206F)     // word joiner, invisible operators, isolates, …
         || cp == 0x3164 || cp == 0xFFA0       // Hangul fillers
         || (cp >= 0xFE00 && cp <= 0xFE0F)     // variation selectors
         || cp == 0xFEFF                       // zero-width no-break space (BOM)
         || (cp >= 0xFFF9 && cp <= 0xFFFB)     // interlinear annotation controls
         || (cp >= 0xE0000 && cp <= 0xE007F)   // tag characters
         || (cp >= 0xE0100 && cp <= 0xE01EF);  // variation selectors supplement
}

bool IsValidUtf8(std::string_view s) {
  char32_t cp;
  for (size_t i = 0; i < s.size();) {
    size_t n = Decode(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool IsOneLine(std::string_view s) {
  return s.find_first_of("\t\r\n") == std::string_view::npos &&
         s.find("\u2028") == std::string_view::npos && s.find("\u2029") == std::string_view::npos;
}

bool SanitizeText(std::string& s, TextKind kind) {
  size_t out = 0;
  char32_t cp;
  for (size_t i = 0; i < s.size();) {
    const size_t n = Decode(s, i, cp);
    if (n == 0 || IsControl(cp, kind)) return false;
    if (!IsStrippedFormatChar(cp)) {
      if (out != i) s.replace(out, n, s, i, n);
      out += n;
    }
    i += n;
  }
  s.resize(out);
  return true;
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

std::vector<int64_t> SplitIds(std::string_view s) {
  std::vector<int64_t> out;
  int64_t v = 0;
  bool any = false;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') {
      v = v * 10 + (ch - '0');
      any = true;
    } else if (any) {
      out.push_back(v);
      v = 0;
      any = false;
    }
  }
  if (any) out.push_back(v);
  return out;
}

}  // namespace zhaoshang
