// Routes: ledger export, import template, import preview / commit / rejected-rows report.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/pipeline/pipeline_routes.hpp"
#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/pipeline/workflow.hpp"
#include "zhaoshang/reports/project_excel.hpp"
#include "zhaoshang/reports/project_excel_routes.hpp"
#include "zhaoshang/reports/xlsx_file.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  pipeline::ProjectService& projects;
  clocks::ClockService& clocks;
};

http::Response File(std::string bytes, const std::string& ascii_name, const std::string& name) {
  return reports::XlsxFile(std::move(bytes), ascii_name, name);
}

std::string Stamp(const Deps& d) { return reports::DateStamp(d.clocks.Today()); }

http::Response Export(const Deps& d, RequestContext& ctx) {
  auto f = ReadProjectFilter(ctx, d.clocks.Now());
  if (!f) return ErrorResponse(f.error());
  constexpr int64_t kMaxRows = 100'000;
  f->offset = 0;
  f->limit = kMaxRows;
  int64_t total = 0;
  auto rows = d.projects.List(*ctx.principal, *f, &total);
  if (!rows) return ErrorResponse(rows.error());
  if (total > kMaxRows)
    return ErrorResponse(InvalidArgument({{"filters", "too_many_rows"}},
                                         "narrow the filters: at most 100000 rows per export"));
  d.projects.RecordExport(ctx.Actor(), total,
                          ctx.req.target.substr(ctx.req.target.find('?') == std::string::npos
                                                    ? ctx.req.target.size()
                                                    : ctx.req.target.find('?')));
  return File(reports::ExportXlsx(*rows), "ledger-" + Stamp(d) + ".xlsx",
              "项目台账-" + Stamp(d) + ".xlsx");
}

http::Response Template(const Deps&, RequestContext&) {
  return File(reports::TemplateXlsx(), "lead-import-template.xlsx", "线索导入模板.xlsx");
}

Result<std::pair<reports::Table, std::vector<reports::ImportRow>>> Validate(const Deps& d,
                                                                            RequestContext& ctx) {
  auto table = reports::ReadTable(ctx.req.body, ctx.req.Header("content-type"));
  if (!table) return Fail(table.error());
  auto rows = reports::ValidateImport(*table, d.projects, *ctx.principal);
  if (!rows) return Fail(rows.error());
  return std::make_pair(std::move(*table), std::move(*rows));
}

json::array RowsJson(const std::vector<reports::ImportRow>& rows, bool rejected_only) {
  json::array a;
  for (const auto& r : rows) {
    if (rejected_only && r.ok()) continue;
    json::object errors;
    for (const auto& [col, reason] : r.errors) errors[col] = reason;
    a.push_back(json::object{{"row", r.row},
                             {"ok", r.ok()},
                             {"errors", std::move(errors)},
                             {"name", r.input.name.value_or("")},
                             {"investor_name", r.input.investor_name.value_or("")},
                             {"industry_code", r.input.industry_code.value_or("")},
                             {"total_investment_yuan", OptInt(r.input.total_investment)},
                             {"collision_project_id", OptInt(r.collision_project_id)}});
  }
  return a;
}

http::Response Preview(const Deps& d, RequestContext& ctx) {
  auto v = Validate(d, ctx);
  if (!v) return ErrorResponse(v.error());
  int64_t ok = 0;
  for (const auto& r : v->second) ok += r.ok();
  const int64_t n = static_cast<int64_t>(v->second.size());
  return JsonResponse(
      200,
      json::object{
          {"total", n}, {"valid", ok}, {"rejected", n - ok}, {"rows", RowsJson(v->second, false)}});
}

http::Response Commit(const Deps& d, RequestContext& ctx) {
  auto v = Validate(d, ctx);
  if (!v) return ErrorResponse(v.error());
  std::vector<pipeline::ProjectInput> valid;
  for (const auto& r : v->second)
    if (r.ok()) valid.push_back(r.input);
  std::vector<int64_t> ids;
  if (!valid.empty()) {
    auto created = d.projects.CreateMany(*ctx.principal, valid, ctx.Actor());
    if (!created) return ErrorResponse(created.error());
    ids = std::move(*created);
  }
  json::array id_list;
  for (int64_t id : ids) id_list.push_back(id);
  return JsonResponse(
      201, json::object{{"imported", static_cast<int64_t>(ids.size())},
                        {"rejected", static_cast<int64_t>(v->second.size() - valid.size())},
                        {"project_ids", std::move(id_list)},
                        {"rows", RowsJson(v->second, true)}});
}

http::Response Report(const Deps& d, RequestContext& ctx) {
  auto v = Validate(d, ctx);
  if (!v) return ErrorResponse(v.error());
  return File(reports::RejectedReportXlsx(v->first.front(), v->second), "import-rejected-rows.xlsx",
              "未导入行报告.xlsx");
}
}  // namespace

void RegisterProjectExcelRoutes(AppRouter& r, pipeline::ProjectService& projects,
                                clocks::ClockService& clocks) {
  auto with = BindTo(Deps{projects, clocks});
  r.Add("GET", "/api/v1/projects/export.xlsx", "project.read", with(Export));
  r.Add("GET", "/api/v1/projects/import-template.xlsx", "project.create", with(Template));
  r.Add("POST", "/api/v1/projects/import/preview", "project.create", with(Preview), true);
  r.Add("POST", "/api/v1/projects/import/commit", "project.create", with(Commit), true);
  r.Add("POST", "/api/v1/projects/import/report.xlsx", "project.create", with(Report), true);
}

}  // namespace zhaoshang
