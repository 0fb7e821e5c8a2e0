#include "zhaoshang/reports/xlsx_book.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "zhaoshang/core/random.hpp"

namespace zhaoshang::reports {

// libxlsxwriter writes to a file; we hand the bytes to the HTTP response.
Book::Book()
    : path_((std::filesystem::temp_directory_path() / ("zs-xlsx-" + RandomHex(8) + ".xlsx"))
                .string()) {
  lxw_workbook_options opt{};
  opt.constant_memory = LXW_TRUE;  // rows stream to disk: flat memory for large ledgers
  opt.tmpdir = nullptr;
  wb_ = workbook_new_opt(path_.c_str(), &opt);
  if (!wb_) throw std::runtime_error("cannot create a workbook");
  bold_ = workbook_add_format(wb_);
  format_set_bold(bold_);
  format_set_bg_color(bold_, 0xDDEBF7);
  wan_ = workbook_add_format(wb_);
  format_set_num_format(wan_, "#,##0.00##");
}

Book::~Book() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

lxw_worksheet* Book::Sheet(const std::string& name) {
  return workbook_add_worksheet(wb_, name.c_str());
}

void Book::Header(lxw_worksheet* ws, const std::vector<std::string>& headers) {
  for (size_t i = 0; i < headers.size(); ++i) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), headers[i].c_str(), bold_);
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), 16, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

std::string Book::Close() {
  if (workbook_close(wb_) != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook");
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Str(lxw_worksheet* ws, int r, int c, const std::string& v) {
  if (!v.empty())
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v.c_str(),
                           nullptr);
}

void Num(lxw_worksheet* ws, int r, int c, double v, lxw_format* f) {
  worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v, f);
}

}  // namespace zhaoshang::reports
