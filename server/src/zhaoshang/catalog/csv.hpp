#pragma once
// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF.
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::catalog {
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);
}
