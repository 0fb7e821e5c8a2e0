#include "zhaoshang/reports/audit_excel.hpp"

#include <ctime>
#include <map>

#include "zhaoshang/audit/audit_actions.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/reports/xlsx_book.hpp"

namespace zhaoshang::reports {
namespace {

// The object kinds in the words of the audit page.
std::string ObjectTypeLabel(const std::string& type) {
  static const std::map<std::string, std::string> k = {{"user", "用户"},
                                                       {"org_unit", "单位"},
                                                       {"audit_log", "审计日志"},
                                                       {"project", "项目"},
                                                       {"settings", "系统设置"},
                                                       {"leading_industry", "首位产业"},
                                                       {"chain_node", "产业链节点"},
                                                       {"park", "园区画像"},
                                                       {"park_carrier", "载体"},
                                                       {"review_panel", "预审专班"},
                                                       {"review_round", "预审轮次"},
                                                       {"calendar_day", "工作日历"},
                                                       {"calendar", "工作日历"},
                                                       {"factor_type", "要素类型"},
                                                       {"factor_request", "要素需求"},
                                                       {"supervision_item", "督办事项"}};
  auto it = k.find(type);
  return it == k.end() ? type : it->second;
}

// Epoch ms → "YYYY-MM-DD HH:MM:SS" in China (UTC+8), as the page shows it.
std::string ChinaTime(int64_t ms) {
  const std::time_t t = static_cast<std::time_t>((ms + kChinaUtcOffsetMs) / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

}  // namespace

std::string AuditXlsx(const std::vector<audit::NamedRecord>& rows) {
  Book book;
  auto* ws = book.Sheet("审计日志");
  book.Header(ws, {"序号", "时间", "操作人", "账号", "单位", "来源", "操作", "操作代码", "对象类型",
                   "对象", "对象编号", "变更内容", "请求号"});
  int r = 1;
  for (const auto& n : rows) {
    const audit::Record& x = n.record;
    const auto* action = audit::FindAction(x.action);
    int c = 0;
    Num(ws, r, c++, static_cast<double>(x.id));
    Str(ws, r, c++, ChinaTime(x.at));
    Str(ws, r, c++, n.actor_name);
    Str(ws, r, c++, x.actor_login);
    Str(ws, r, c++, x.unit_name);
    Str(ws, r, c++, x.source);
    Str(ws, r, c++, action ? std::string(action->name_zh) : x.action);
    Str(ws, r, c++, x.action);
    Str(ws, r, c++, ObjectTypeLabel(x.object_type));
    Str(ws, r, c++, n.object_name);
    Str(ws, r, c++, x.object_id);
    Str(ws, r, c++, x.diff_json == "{}" ? "" : x.diff_json);
    Str(ws, r, c++, x.request_id);
    ++r;
  }
  return book.Close();
}

}  // namespace zhaoshang::reports
