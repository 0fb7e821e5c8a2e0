#pragma once
#include <cstdint>
// Text hygiene at the edge (issue: NUL and control characters). Every string a client sends
// passes here before required and length checks: control characters are refused (they cut
// text at a NUL on PostgreSQL and turn "leader\0" into "leader"), and invisible format
// characters (bidi overrides, zero-width) are removed so "安庆\u200B石化" cannot pass for a
// different investor than "安庆石化".
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang {

enum class TextKind {
  kLine,       // one line: no control character at all
  kMultiline,  // free text: tab, CR and LF allowed
};

// Removes format characters in place; false when `s` is not UTF-8 or holds a control
// character the kind does not allow (C0, DEL, C1). On false `s` is left unspecified.
bool SanitizeText(std::string& s, TextKind kind);

bool IsValidUtf8(std::string_view s);

// No line break of any kind (tab, CR, LF, U+2028, U+2029): what one-line fields require of
// text that SanitizeText already accepted as multi-line.
bool IsOneLine(std::string_view s);

// Whether the code point is an invisible format character that SanitizeText removes.
bool IsStrippedFormatChar(char32_t cp);

// A list of ids kept in one text column: "3,17,42" (SplitIds skips anything not a digit).
std::string JoinIds(const std::vector<int64_t>& ids);
std::vector<int64_t> SplitIds(std::string_view s);

}  // namespace zhaoshang
