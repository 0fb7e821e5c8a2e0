#pragma once
// Reads the first worksheet of an .xlsx (libzip + pugixml) or a CSV (UTF-8, or GBK as Excel
// saves it in China) into rows of UTF-8 strings. Dates stay as Excel serial numbers.
#include <string>
#include <vector>

#include "zhaoshang/core/error.hpp"

namespace zhaoshang::reports {

using Table = std::vector<std::vector<std::string>>;

Result<Table> ReadXlsx(const std::string& bytes);
// UTF-8 (after an optional BOM) when the bytes are UTF-8 by zhaoshang::IsValidUtf8 (no overlong
// form, surrogate or value beyond U+10FFFF), else GBK (GB18030) when they are that, else refused.
Result<Table> ReadCsv(const std::string& bytes);
// Picks the reader by content type, falling back to sniffing the zip signature.
Result<Table> ReadTable(const std::string& bytes, const std::string& content_type);

// "A1" → (0, 0); "AB12" → (27, 11).
bool ParseCellRef(const std::string& ref, size_t* col, size_t* row);

}  // namespace zhaoshang::reports
