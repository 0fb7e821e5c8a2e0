#include "zhaoshang/reports/xlsx_file.hpp"

namespace zhaoshang::reports {
namespace {
constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}  // namespace

http::Response XlsxFile(std::string bytes, const std::string& ascii_name, const std::string& name) {
  return http::FileResponse(std::move(bytes), kXlsx, ascii_name, name);
}

std::string DateStamp(const std::string& iso_date) {
  return iso_date.substr(0, 4) + iso_date.substr(5, 2) + iso_date.substr(8, 2);
}

}  // namespace zhaoshang::reports
