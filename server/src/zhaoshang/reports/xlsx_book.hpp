#pragma once
// One .xlsx being written (libxlsxwriter, constant memory: rows stream to a temporary file),
// handed back as bytes for the HTTP response. Shared by the ledger and the audit exports.
#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace zhaoshang::reports {

class Book {
 public:
  Book();
  ~Book();
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;

  lxw_worksheet* Sheet(const std::string& name);
  // Bold header row, frozen; every column 16 wide.
  void Header(lxw_worksheet* ws, const std::vector<std::string>& headers);
  lxw_format* wan() { return wan_; }  // 万元 with up to four decimals
  std::string Close();

 private:
  std::string path_;
  lxw_workbook* wb_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* wan_ = nullptr;
};

// A text cell (nothing for ""), a number cell.
void Str(lxw_worksheet* ws, int r, int c, const std::string& v);
void Num(lxw_worksheet* ws, int r, int c, double v, lxw_format* f = nullptr);

}  // namespace zhaoshang::reports
