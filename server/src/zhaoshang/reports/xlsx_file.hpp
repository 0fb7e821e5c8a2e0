#pragma once
// A workbook as a download: the .xlsx media type and a Content-Disposition with an ASCII name
// and the UTF-8 (Chinese) one.
#include <string>

#include "zhaoshang/http/message.hpp"

namespace zhaoshang::reports {

http::Response XlsxFile(std::string bytes, const std::string& ascii_name, const std::string& name);
// "2026-11-18" → "20261118", for file names.
std::string DateStamp(const std::string& iso_date);

}  // namespace zhaoshang::reports
