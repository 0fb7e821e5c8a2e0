#include "zhaoshang/reports/table_reader.hpp"

#include <iconv.h>
#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "zhaoshang/catalog/csv.hpp"
#include "zhaoshang/core/text.hpp"

namespace zhaoshang::reports {
namespace {
Error InvalidFile(const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "invalid_file", why, {{"file", "invalid_value"}}};
}

// Reads one member of the zip archive; empty optional when absent.
std::optional<std::string> ReadMember(zip_t* z, const char* name) {
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) != 0) return std::nullopt;
  if (st.size > (64u << 20)) return std::nullopt;  // a zip bomb is not a spreadsheet
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(z, name, 0), zip_fclose);
  if (!f) return std::nullopt;
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f.get(), out.data(), st.size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

std::string TextOf(pugi::xml_node si) {
  // A shared string is either <t> or rich-text runs <r><t>…</t></r>.
  std::string s;
  for (auto t : si.select_nodes(".//t")) s += t.node().text().get();
  return s;
}

std::string GbkToUtf8(const std::string& in) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (reinterpret_cast<intptr_t>(cd) == -1) return {};  // iconv_open failed: (iconv_t)-1
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1)) return {};
  out.resize(out.size() - dst_left);
  return out;
}
}  // namespace

bool ParseCellRef(const std::string& ref, size_t* col, size_t* row) {
  size_t i = 0, c = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') c = c * 26 + (ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size()) return false;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9') return false;
    r = r * 10 + (ref[i] - '0');
  }
  if (r == 0 || c > 16384 || r > 1048576) return false;
  *col = c - 1;
  *row = r - 1;
  return true;
}

Result<Table> ReadXlsx(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return Fail(InvalidFile("cannot read the upload"));
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z) {
    zip_source_free(src);
    return Fail(InvalidFile("not an .xlsx file"));
  }
  std::unique_ptr<zip_t, int (*)(zip_t*)> zip(z, zip_close);
  std::vector<std::string> shared;
  if (auto ss = ReadMember(z, "xl/sharedStrings.xml")) {
    pugi::xml_document doc;
    if (!doc.load_buffer(ss->data(), ss->size()))
      return Fail(InvalidFile("broken sharedStrings.xml"));
    for (auto si : doc.child("sst").children("si")) shared.push_back(TextOf(si));
  }
  auto sheet = ReadMember(z, "xl/worksheets/sheet1.xml");
  if (!sheet) return Fail(InvalidFile("the workbook has no first worksheet"));
  pugi::xml_document doc;
  if (!doc.load_buffer(sheet->data(), sheet->size())) return Fail(InvalidFile("broken worksheet"));
  Table t;
  for (auto row : doc.child("worksheet").child("sheetData").children("row")) {
    std::vector<std::string> cells;
    size_t next_col = 0;
    size_t row_index = row.attribute("r") ? row.attribute("r").as_ullong() - 1 : t.size();
    if (row_index > 200000) return Fail(InvalidFile("too many rows"));
    for (auto c : row.children("c")) {
      size_t col = next_col, r = 0;
      if (auto ref = c.attribute("r")) {
        if (!ParseCellRef(ref.value(), &col, &r)) return Fail(InvalidFile("bad cell reference"));
      }
      if (col > 200) continue;  // far beyond the template's columns
      std::string type = c.attribute("t").value();
      std::string v;
      if (type == "s") {
        size_t idx = c.child("v").text().as_ullong(SIZE_MAX);
        if (idx >= shared.size()) return Fail(InvalidFile("bad shared string index"));
        v = shared[idx];
      } else if (type == "inlineStr") {
        v = TextOf(c.child("is"));
      } else {
        v = c.child("v").text().get();
      }
      if (cells.size() <= col) cells.resize(col + 1);
      cells[col] = std::move(v);
      next_col = col + 1;
    }
    while (t.size() < row_index) t.emplace_back();  // rows Excel skipped
    t.push_back(std::move(cells));
  }
  return t;
}

Result<Table> ReadCsv(const std::string& bytes_in) {
  std::string bytes = bytes_in;
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);  // UTF-8 BOM
  if (!IsValidUtf8(bytes)) {
    bytes = GbkToUtf8(bytes);
    if (bytes.empty() || !IsValidUtf8(bytes))
      return Fail(InvalidFile("the CSV is neither UTF-8 nor GBK"));
  }
  return catalog::ParseCsv(bytes);
}

Result<Table> ReadTable(const std::string& bytes, const std::string& content_type) {
  if (bytes.empty()) return Fail(InvalidFile("the file is empty"));
  if (bytes.rfind("PK\x03\x04", 0) == 0) return ReadXlsx(bytes);
  if (content_type.find("spreadsheetml") != std::string::npos)
    return Fail(InvalidFile("not an .xlsx file"));
  return ReadCsv(bytes);
}

}  // namespace zhaoshang::reports
