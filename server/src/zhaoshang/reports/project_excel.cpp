#include "zhaoshang/reports/project_excel.hpp"

#include "zhaoshang/core/date.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "zhaoshang/core/random.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/pipeline/investor_name.hpp"
#include "zhaoshang/pipeline/uscc.hpp"
#include "zhaoshang/reports/xlsx_book.hpp"

namespace zhaoshang::reports {
namespace {

const std::vector<std::pair<std::string, std::string>>& ChannelLabels() {
  static const std::vector<std::pair<std::string, std::string>> k = {
      {"resident_team", "驻点招商"}, {"business_referral", "以商招商"},
      {"exhibition", "展会招商"},    {"online", "网络招商"},
      {"agency", "中介招商"},        {"visit", "上门拜访"},
      {"government", "部门推介"},    {"other", "其他"}};
  return k;
}
std::string ChannelLabel(const std::string& code) {
  for (const auto& [c, l] : ChannelLabels())
    if (c == code) return l;
  return code;
}
// The template's words, the web app's shorter words and the API codes all import.
std::optional<std::string> ChannelFromText(const std::string& v) {
  static const std::vector<std::pair<std::string, std::string>> kAliases = {
      {"驻点", "resident_team"}, {"驻外招商", "resident_team"},
      {"展会", "exhibition"},    {"网络", "online"},
      {"中介", "agency"},        {"中介机构", "agency"},
      {"部门", "government"},    {"政府推介", "government"}};
  for (const auto& [code, label] : ChannelLabels())
    if (label == v || code == v) return code;
  for (const auto& [alias, code] : kAliases)
    if (alias == v) return code;
  return std::nullopt;
}

std::string StageLabel(const std::string& s) {
  static const std::map<std::string, std::string> k = {
      {"lead", "线索"},          {"in_review", "预审中"}, {"approved", "已入库"},
      {"negotiating", "洽谈中"}, {"signed", "已签约"},    {"construction", "已开工"},
      {"production", "已投产"},  {"rejected", "未通过"},  {"shelved", "暂缓"},
      {"lost", "流失"}};
  auto it = k.find(s);
  return it == k.end() ? s : it->second;
}
std::string BandLabel(int b) {
  static const char* k[] = {"1亿元以下", "1–5亿元",   "5–10亿元",
                            "10–20亿元", "20–50亿元", "50亿元以上"};
  return b >= 0 && b <= 5 ? k[b] : "";
}
std::string Trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

double Wan(int64_t yuan) { return static_cast<double>(yuan) / 10000.0; }
}  // namespace

const std::vector<ImportColumn>& ImportColumns() {
  static const std::vector<ImportColumn> k = {
      {"项目名称", "name", true, "不超过100字"},
      {"投资方名称", "investor_name", true, "企业全称，不超过100字"},
      {"统一社会信用代码", "uscc", false, "18位，按GB 32100校验"},
      {"投资方来源", "investor_origin", false, "如：上海市、广东省深圳市、境外·德国"},
      {"是否外资", "foreign", false, "是 / 否，默认否"},
      {"行业代码", "industry_code", true, "GB/T 4754-2017 行业代码，如 3612"},
      {"计划总投资（万元）", "total_investment_yuan", true, "数字，单位万元"},
      {"固定资产投资（万元）", "fixed_investment_yuan", false, "数字，不大于计划总投资"},
      {"用地需求（亩）", "land_mu_x100", false, "数字，单位亩"},
      {"建筑面积（㎡）", "building_m2", false, "整数"},
      {"用电需求（kVA）", "power_kva", false, "整数"},
      {"就业人数", "jobs", false, "整数"},
      {"预计年产值（万元）", "annual_output_yuan", false, "数字，单位万元"},
      {"预计年税收（万元）", "annual_tax_yuan", false, "数字，单位万元"},
      {"来源渠道", "source_channel", true,
       "驻点招商、以商招商、展会招商、网络招商、中介招商、上门拜访、部门推介、其他"},
      {"意向园区", "preferred_unit_id", false, "园区或区县的全称"},
      {"项目简介", "description", false, "不超过2000字"},
      {"联系人", "contact_name", false, "投资方联系人姓名"},
      {"联系电话", "contact_phone", false, "手机或座机"},
  };
  return k;
}

std::string ReasonText(const std::string& code) {
  static const std::map<std::string, std::string> k = {
      {"required", "必填"},
      {"invalid_value", "取值无效"},
      {"too_long", "超出长度"},
      {"too_many", "数量过多"},
      {"bad_check_character", "校验位错误"},
      {"invalid_format", "格式错误"},
      {"duplicate_in_file", "与本文件中前面的行重复"},
      {"collision", "疑似撞单：该投资方已有项目报送"},
      {"exceeds_total", "不能大于计划总投资"},
      {"not_found", "未找到"},
      {"wrong_type", "类型错误"}};
  auto it = k.find(code);
  return it == k.end() ? code : it->second;
}

std::optional<int64_t> WanToYuan(const std::string& in) {
  std::string s;
  for (char c : Trim(in))
    if (c != ',') s += c;
  if (s.empty() || s.find_first_not_of("0123456789.eE+-") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  long double v = std::strtold(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(static_cast<double>(v)) || v < 0 || v > 1e11L)
    return std::nullopt;
  return static_cast<int64_t>(std::llround(v * 10000.0L));
}

std::optional<int64_t> MuToX100(const std::string& in) {
  auto y = WanToYuan(in);  // same number rules
  if (!y) return std::nullopt;
  return (*y + 50) / 100;  // yuan = value × 10000, we want value × 100
}

Result<std::vector<ImportRow>> ValidateImport(const Table& table, pipeline::ProjectService& svc,
                                              const auth::Principal& who) {
  const auto& cols = ImportColumns();
  if (table.empty())
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "invalid_file",
                      "the file has no rows",
                      {{"file", "required"}}});
  // Columns are found by header text, so a reordered template still imports.
  std::map<std::string, size_t> at;
  for (size_t i = 0; i < table[0].size(); ++i) at[Trim(table[0][i])] = i;
  std::map<std::string, std::string> missing;
  for (const auto& c : cols)
    if (c.required && !at.count(c.header)) missing[c.header] = "required";
  if (!missing.empty())
    return Fail(Error{ErrorCode::kInvalidArgument, "invalid_file",
                      "the header row lacks required columns", missing});
  if (table.size() > 5001)
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "invalid_file",
                      "at most 5000 rows per import",
                      {{"file", "too_many"}}});

  std::vector<ImportRow> rows;
  std::set<std::string> seen_norm, seen_uscc;
  for (size_t r = 1; r < table.size(); ++r) {
    ImportRow row;
    row.row = static_cast<int>(r + 1);
    row.cells = table[r];
    auto cell = [&](const ImportColumn& c) -> std::string {
      auto it = at.find(c.header);
      return it == at.end() || it->second >= table[r].size() ? "" : Trim(table[r][it->second]);
    };
    bool empty = true;
    for (const auto& c : cols) empty = empty && cell(c).empty();
    if (empty) continue;  // blank lines are not rows
    pipeline::ProjectInput& in = row.input;
    pipeline::Contact contact;
    for (const auto& c : cols) {
      std::string v = cell(c);
      const std::string& f = c.field;
      // The same text hygiene as the JSON API: refuse control characters, drop invisible ones.
      if (!SanitizeText(v, f == "description" ? TextKind::kMultiline : TextKind::kLine)) {
        row.errors[c.header] = "invalid_value";
        continue;
      }
      if (v.empty()) {
        if (c.required) row.errors[c.header] = "required";
        continue;
      }
      auto set_money = [&](std::optional<int64_t>& dst) {
        if (auto y = WanToYuan(v))
          dst = *y;
        else
          row.errors[c.header] = "invalid_value";
      };
      auto set_int = [&](std::optional<int64_t>& dst) {
        auto y = WanToYuan(v);
        if (y && *y % 10000 == 0)
          dst = *y / 10000;
        else
          row.errors[c.header] = "invalid_value";
      };
      if (f == "name")
        in.name = v;
      else if (f == "investor_name")
        in.investor_name = v;
      else if (f == "uscc")
        in.uscc = v;
      else if (f == "investor_origin")
        in.investor_origin = v;
      else if (f == "foreign") {
        if (v == "是")
          in.foreign = true;
        else if (v == "否")
          in.foreign = false;
        else
          row.errors[c.header] = "invalid_value";
      } else if (f == "industry_code")
        in.industry_code = v;
      else if (f == "total_investment_yuan")
        set_money(in.total_investment);
      else if (f == "fixed_investment_yuan")
        set_money(in.fixed_investment);
      else if (f == "land_mu_x100") {
        if (auto m = MuToX100(v))
          in.land_mu_x100 = *m;
        else
          row.errors[c.header] = "invalid_value";
      } else if (f == "building_m2")
        set_int(in.building_m2);
      else if (f == "power_kva")
        set_int(in.power_kva);
      else if (f == "jobs")
        set_int(in.jobs);
      else if (f == "annual_output_yuan")
        set_money(in.annual_output);
      else if (f == "annual_tax_yuan")
        set_money(in.annual_tax);
      else if (f == "source_channel") {
        in.source_channel = ChannelFromText(v);
        if (!in.source_channel) row.errors[c.header] = "invalid_value";
      } else if (f == "preferred_unit_id") {
        if (auto id = svc.ReceivingUnitByName(v))
          in.preferred_unit_id = *id;
        else
          row.errors[c.header] = "not_found";
      } else if (f == "description")
        in.description = v;
      else if (f == "contact_name")
        contact.name = v;
      else if (f == "contact_phone")
        contact.phone = v;
    }
    if (!contact.name.empty() || !contact.phone.empty())
      in.contacts = std::vector<pipeline::Contact>{contact};
    if (auto st = svc.CheckNew(in); !st) {
      for (const auto& [field, reason] : st.error().fields)
        for (const auto& c : cols)
          if (c.field == field || (field == "contacts" && c.field == "contact_name"))
            row.errors.emplace(c.header, reason);
    }
    if (row.ok()) {
      const std::string norm = pipeline::NormalizeInvestorName(*in.investor_name);
      const std::string uscc = in.uscc ? pipeline::NormalizeUscc(*in.uscc) : "";
      if (!seen_norm.insert(norm).second || (!uscc.empty() && !seen_uscc.insert(uscc).second)) {
        row.errors["投资方名称"] = "duplicate_in_file";
      } else {
        auto hits = svc.CollisionCheck(who, *in.investor_name, uscc, std::nullopt);
        if (!hits.empty()) {
          row.errors["投资方名称"] = "collision";
          row.collision_project_id = hits.front().project_id;
        }
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ExportXlsx(const std::vector<pipeline::Project>& rows) {
  Book book;
  auto* ws = book.Sheet("项目台账");
  // Shared columns carry the import template's header text.
  book.Header(ws, {"序号",
                   "项目名称",
                   "投资方名称",
                   "统一社会信用代码",
                   "投资方来源",
                   "行业代码",
                   "行业名称",
                   "首位产业",
                   "产业链节点",
                   "计划总投资（万元）",
                   "固定资产投资（万元）",
                   "投资规模",
                   "用地需求（亩）",
                   "建筑面积（㎡）",
                   "用电需求（kVA）",
                   "就业人数",
                   "预计年产值（万元）",
                   "预计年税收（万元）",
                   "来源渠道",
                   "报送单位",
                   "首报人",
                   "意向园区",
                   "阶段",
                   "阶段起始",
                   "责任单位",
                   "责任人",
                   "下一步期限",
                   "承接园区",
                   "签约日期",
                   "合同投资（万元）",
                   "开工日期",
                   "投产日期",
                   "到位资金（万元）",
                   "报送日期"});
  int r = 1;
  for (const auto& p : rows) {
    int c = 0;
    Num(ws, r, c++, r);
    Str(ws, r, c++, p.name);
    Str(ws, r, c++, p.investor_name);
    Str(ws, r, c++, p.uscc.value_or(""));
    Str(ws, r, c++, p.investor_origin);
    Str(ws, r, c++, p.industry_code);
    Str(ws, r, c++, p.industry_name);
    Str(ws, r, c++, p.leading_industry_id ? p.leading_industry_name : "");
    Str(ws, r, c++, p.chain_node_id ? p.chain_node_name : "");
    Num(ws, r, c++, Wan(p.total_investment), book.wan());
    Num(ws, r, c++, Wan(p.fixed_investment), book.wan());
    Str(ws, r, c++, BandLabel(p.band));
    Num(ws, r, c++, static_cast<double>(p.land_mu_x100) / 100.0);
    Num(ws, r, c++, static_cast<double>(p.building_m2));
    Num(ws, r, c++, static_cast<double>(p.power_kva));
    Num(ws, r, c++, static_cast<double>(p.jobs));
    Num(ws, r, c++, Wan(p.annual_output), book.wan());
    Num(ws, r, c++, Wan(p.annual_tax), book.wan());
    Str(ws, r, c++, ChannelLabel(p.source_channel));
    Str(ws, r, c++, p.reporting_unit_name);
    Str(ws, r, c++, p.promoter_name);
    Str(ws, r, c++, p.preferred_unit_id ? p.preferred_unit_name : "");
    Str(ws, r, c++, StageLabel(p.stage));
    Str(ws, r, c++, LocalDateOfMs(p.stage_since));
    Str(ws, r, c++, p.responsible_unit_name);
    Str(ws, r, c++, p.responsible_user_id ? p.responsible_user_name : "");
    Str(ws, r, c++, p.step_deadline.value_or(""));
    Str(ws, r, c++, p.receiving_unit_id ? p.receiving_unit_name : "");
    Str(ws, r, c++, p.signing_date.value_or(""));
    if (p.contracted_investment) Num(ws, r, c, Wan(*p.contracted_investment), book.wan());
    ++c;
    Str(ws, r, c++, p.construction_date.value_or(""));
    Str(ws, r, c++, p.production_date.value_or(""));
    Num(ws, r, c++, Wan(p.capital_in_place), book.wan());
    Str(ws, r, c++, LocalDateOfMs(p.created_at));
    ++r;
  }
  return book.Close();
}

std::string TemplateXlsx() {
  Book book;
  auto* ws = book.Sheet("线索导入");
  std::vector<std::string> headers;
  for (const auto& c : ImportColumns()) headers.push_back(c.header);
  book.Header(ws, headers);
  const std::vector<std::string> example = {"年产10GWh储能电池项目",
                                            "合肥示例储能科技有限公司",
                                            "",
                                            "安徽省合肥市",
                                            "否",
                                            "3841",
                                            "150000",
                                            "120000",
                                            "300",
                                            "180000",
                                            "20000",
                                            "1200",
                                            "300000",
                                            "18000",
                                            "以商招商",
                                            "安庆经济技术开发区",
                                            "（示例行，导入前请删除）",
                                            "王先生",
                                            "13800000000"};
  for (size_t i = 0; i < example.size(); ++i) Str(ws, 1, static_cast<int>(i), example[i]);
  auto* notes = book.Sheet("填写说明");
  book.Header(notes, {"列名", "是否必填", "说明"});
  int r = 1;
  for (const auto& c : ImportColumns()) {
    Str(notes, r, 0, c.header);
    Str(notes, r, 1, c.required ? "必填" : "选填");
    Str(notes, r, 2, c.note);
    ++r;
  }
  return book.Close();
}

std::string RejectedReportXlsx(const std::vector<std::string>& header,
                               const std::vector<ImportRow>& rows) {
  Book book;
  auto* ws = book.Sheet("未导入的行");
  std::vector<std::string> headers = {"行号", "错误原因"};
  for (size_t i = 0; i < header.size() && i < 60; ++i) headers.push_back(header[i]);
  book.Header(ws, headers);
  int r = 1;
  for (const auto& row : rows) {
    if (row.ok()) continue;
    Num(ws, r, 0, row.row);
    std::string why;
    for (const auto& [col, reason] : row.errors)
      why += (why.empty() ? "" : "；") + col + "：" + ReasonText(reason);
    Str(ws, r, 1, why);
    for (size_t i = 0; i < row.cells.size() && i < 60; ++i)
      Str(ws, r, static_cast<int>(i) + 2, row.cells[i]);
    ++r;
  }
  return book.Close();
}

}  // namespace zhaoshang::reports
