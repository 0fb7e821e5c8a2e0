#pragma once
// 台账 Excel: the export of filtered projects, the import template, row-by-row import
// validation and the report of rejected rows.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/reports/table_reader.hpp"

namespace zhaoshang::reports {

struct ImportColumn {
  std::string header;  // Chinese, as in the template
  std::string field;   // API field it fills
  bool required;
  std::string note;  // for the 填写说明 sheet
};
const std::vector<ImportColumn>& ImportColumns();

struct ImportRow {
  int row = 0;  // spreadsheet row number (header is row 1)
  std::vector<std::string> cells;
  pipeline::ProjectInput input;
  std::map<std::string, std::string> errors;  // column header → reason code
  std::optional<int64_t> collision_project_id;
  bool ok() const { return errors.empty(); }
};

// Parses and validates every row (format, required, values, duplicates within the file,
// collisions with existing projects). Fails only when the file is unusable (no header row).
Result<std::vector<ImportRow>> ValidateImport(const Table& table, pipeline::ProjectService& svc,
                                              const auth::Principal& who);

// 万元 text ("1,234.5", "1.2E+3") → yuan; nullopt if not a number ≥ 0.
std::optional<int64_t> WanToYuan(const std::string& text);
// 亩 text → hundredths of a mu.
std::optional<int64_t> MuToX100(const std::string& text);

std::string ExportXlsx(const std::vector<pipeline::Project>& rows);
std::string TemplateXlsx();
// The rejected rows under the uploaded file's own header, with a 错误原因 column.
std::string RejectedReportXlsx(const std::vector<std::string>& header,
                               const std::vector<ImportRow>& rows);
// Chinese text of a reason code, for the report.
std::string ReasonText(const std::string& code);

}  // namespace zhaoshang::reports
