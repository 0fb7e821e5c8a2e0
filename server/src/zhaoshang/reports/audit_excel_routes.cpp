// Routes: /api/v1/audit/export.xlsx
#include "zhaoshang/reports/audit_excel_routes.hpp"

#include "zhaoshang/audit/audit_routes.hpp"
#include "zhaoshang/audit/audit_service.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/reports/audit_excel.hpp"
#include "zhaoshang/reports/xlsx_file.hpp"

namespace zhaoshang {
using http::ErrorResponse;

namespace {
struct Deps {
  audit::AuditService& audit;
  clocks::ClockService& clocks;
  const Clock& clock;
};

// Exactly the rows the search finds (all pages), newest first, at most kMaxRows of them.
http::Response Export(const Deps& d, RequestContext& ctx) {
  auto f = ReadAuditFilter(ctx);
  if (!f) return ErrorResponse(f.error());
  constexpr int64_t kMaxRows = 100'000;
  f->offset = 0;
  f->limit = kMaxRows;
  int64_t total = 0;
  auto rows = d.audit.SearchNamed(*f, &total);
  if (total > kMaxRows)
    return ErrorResponse(InvalidArgument({{"filters", "too_many_rows"}},
                                         "narrow the filters: at most 100000 rows per export"));
  const std::string& target = ctx.req.target;
  const size_t q = target.find('?');
  d.audit.RecordExport(d.clock.NowMs(), ctx.Actor(), total,
                       q == std::string::npos ? "" : target.substr(q));
  const std::string stamp = reports::DateStamp(d.clocks.Today());
  return reports::XlsxFile(reports::AuditXlsx(rows), "audit-" + stamp + ".xlsx",
                           "审计日志-" + stamp + ".xlsx");
}
}  // namespace

void RegisterAuditExcelRoutes(AppRouter& r, audit::AuditService& audit,
                              clocks::ClockService& clocks, const Clock& clock) {
  auto with = BindTo(Deps{audit, clocks, clock});
  r.Add("GET", "/api/v1/audit/export.xlsx", "audit.read", with(Export));
}

}  // namespace zhaoshang
