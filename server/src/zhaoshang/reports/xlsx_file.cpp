#include "zhaoshang/reports/xlsx_file.hpp"

#include <cctype>

namespace zhaoshang::reports {
namespace {
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string PercentEncode(const std::string& s) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_')
      out += static_cast<char>(c);
    else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}
}  // namespace

http::Response XlsxFile(std::string bytes, const std::string& ascii_name, const std::string& name) {
  http::Response r;
  r.content_type = kXlsx;
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + ascii_name +
                                                    "\"; filename*=UTF-8''" + PercentEncode(name));
  return r;
}

std::string DateStamp(const std::string& iso_date) {
  return iso_date.substr(0, 4) + iso_date.substr(5, 2) + iso_date.substr(8, 2);
}

}  // namespace zhaoshang::reports
