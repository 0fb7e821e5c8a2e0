// Routes: the policy library (list, read, keep, export) and the matcher (a project, a lead).
#include "zhaoshang/policies/policies_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/policies/policy_permissions.hpp"
#include "zhaoshang/policies/policy_service.hpp"
#include "zhaoshang/reports/xlsx_book.hpp"
#include "zhaoshang/reports/xlsx_file.hpp"

namespace zhaoshang::policies {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  PolicyService& policies;
};

constexpr size_t kMaxIssuerChars = 100, kMaxDocNumberChars = 100, kMaxSummaryChars = 2000,
                 kMaxGrantTextChars = 500;

json::value OptStr(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

json::object PolicyJson(const Policy& p, PolicyState state, bool editable, bool full) {
  const Conditions& c = p.conditions;
  json::array units, grants;
  for (int64_t u : c.location_unit_ids) units.emplace_back(u);
  for (const auto& g : p.grants)
    grants.push_back(json::object{{"kind", g.kind},
                                  {"rate_pct", OptInt(g.rate_pct)},
                                  {"cap_yuan", OptInt(g.cap_yuan)},
                                  {"text", g.text}});
  json::object o{{"id", p.id},
                 {"title", p.title},
                 {"issuer", p.issuer},
                 {"doc_number", p.doc_number},
                 {"level", p.level},
                 {"effective_from", p.effective_from},
                 {"expires_on", OptStr(p.expires_on)},
                 {"state", PolicyStateName(state)},
                 {"owner_unit_id", p.owner_unit_id},
                 {"owner_unit_name", p.owner_unit_name},
                 {"conditions", json::object{{"industry_codes", Strings(c.industry_codes)},
                                             {"min_investment_yuan", OptInt(c.min_investment_yuan)},
                                             {"land", c.land},
                                             {"location_unit_ids", std::move(units)},
                                             {"foreign", c.foreign}}},
                 {"grants", std::move(grants)},
                 {"summary", p.summary},
                 {"repealed", p.repealed},
                 {"updated_at", p.updated_at},
                 {"version", p.version},
                 {"capabilities", json::object{{"edit", editable}}}};
  if (full) o["source_text"] = p.source_text;
  return o;
}

json::array ReasonsJson(const std::vector<Reason>& rs) {
  json::array a;
  for (const auto& r : rs) {
    json::object params;
    for (const auto& [k, v] : r.params)
      std::visit([&, &k = k](const auto& x) { params[k] = x; }, v);
    a.push_back(json::object{{"code", r.code}, {"params", std::move(params)}});
  }
  return a;
}

http::Response MatchesResponse(const Result<std::vector<MatchedPolicy>>& r) {
  if (!r) return ErrorResponse(r.error());
  json::array items;
  int64_t matches = 0, near = 0;
  for (const auto& m : *r) {
    json::object o = PolicyJson(*m.policy, m.state, false, false);
    o.erase("capabilities");
    o["fit"] = FitName(m.match.fit);
    o["met"] = ReasonsJson(m.match.met);
    o["missing"] = ReasonsJson(m.match.missing);
    (m.match.fit == Fit::kMatch ? matches : near)++;
    items.push_back(std::move(o));
  }
  return JsonResponse(
      200, json::object{{"items", std::move(items)}, {"matches", matches}, {"near_misses", near}});
}

// An optional number that may also be sent as null (absent either way).
std::optional<int64_t> NullableInt(JsonInput& in, const std::string& key) {
  if (in.IsNull(key)) {
    in.Mark(key);
    return std::nullopt;
  }
  return in.Int(key, false);
}

// The body of a create or an update; `version` required on an update.
Result<Policy> ReadPolicy(JsonInput& in, bool update) {
  Policy p;
  p.title = in.String("title", true, kMaxTitleChars).value_or("");
  p.issuer = in.String("issuer", true, kMaxIssuerChars).value_or("");
  p.doc_number = in.String("doc_number", false, kMaxDocNumberChars).value_or("");
  p.level = in.String("level", true, 20).value_or("");
  p.effective_from = in.String("effective_from", true, 10).value_or("");
  if (in.IsNull("expires_on"))
    in.Mark("expires_on");
  else
    p.expires_on = in.String("expires_on", false, 10);
  p.owner_unit_id = in.Int("owner_unit_id", false).value_or(0);
  p.summary = in.Text("summary", false, kMaxSummaryChars).value_or("");
  p.source_text = in.Text("source_text", false, kMaxSourceChars).value_or("");
  p.repealed = in.Bool("repealed", false).value_or(false);
  if (update) p.version = in.Int("version", true).value_or(0);
  // conditions: {industry_codes:[…], min_investment_yuan, land, location_unit_ids:[…], foreign}
  in.Mark("conditions");
  if (const auto* c = in.raw().if_contains("conditions"); c && !c->is_null()) {
    if (!c->is_object()) {
      in.AddError("conditions", "wrong_type");
    } else {
      JsonInput ci = JsonInput::FromObject(c->as_object());
      if (auto codes = ci.StringArray("industry_codes", false))
        p.conditions.industry_codes = *codes;
      p.conditions.min_investment_yuan = NullableInt(ci, "min_investment_yuan");
      p.conditions.land = ci.String("land", false, 20).value_or("any");
      p.conditions.foreign = ci.String("foreign", false, 20).value_or("any");
      ci.Mark("location_unit_ids");
      if (const auto* u = ci.raw().if_contains("location_unit_ids"); u && !u->is_null()) {
        if (!u->is_array() || u->as_array().size() > kMaxLocations) {
          ci.AddError("location_unit_ids", "wrong_type");
        } else {
          for (const auto& x : u->as_array()) {
            if (!x.is_int64()) {
              ci.AddError("location_unit_ids", "wrong_type");
              break;
            }
            p.conditions.location_unit_ids.push_back(x.as_int64());
          }
        }
      }
      if (auto st = ci.Finish(); !st)
        for (const auto& [k, v] : st.error().fields) in.AddError("conditions." + k, v);
    }
  }
  in.Mark("grants");
  if (const auto* g = in.raw().if_contains("grants"); g && !g->is_null()) {
    if (!g->is_array() || g->as_array().size() > kMaxGrants) {
      in.AddError("grants", g->is_array() ? "too_many" : "wrong_type");
    } else {
      size_t i = 0;
      for (const auto& x : g->as_array()) {
        const std::string at = "grants." + std::to_string(i++) + ".";
        if (!x.is_object()) {
          in.AddError(at.substr(0, at.size() - 1), "wrong_type");
          continue;
        }
        JsonInput gi = JsonInput::FromObject(x.as_object());
        Grant gr;
        gr.kind = gi.String("kind", true, 20).value_or("");
        gr.rate_pct = NullableInt(gi, "rate_pct");
        gr.cap_yuan = NullableInt(gi, "cap_yuan");
        gr.text = gi.String("text", false, kMaxGrantTextChars).value_or("");
        if (auto st = gi.Finish(); !st)
          for (const auto& [k, v] : st.error().fields) in.AddError(at + k, v);
        p.grants.push_back(std::move(gr));
      }
    }
  }
  if (auto st = in.Finish(); !st) return Fail(st.error());
  return p;
}

// The list's filters (the export takes the same ones).
Result<PolicyQuery> ReadQuery(RequestContext& ctx) {
  PolicyQuery q;
  std::map<std::string, std::string> bad;
  q.q = ctx.req.Query("q");
  if (!SanitizeText(q.q, TextKind::kLine) || Utf8Length(q.q) > 100) bad["q"] = "invalid_value";
  q.level = ctx.req.Query("level");
  if (!q.level.empty() && !IsOneOf(q.level, kLevels)) bad["level"] = "invalid_value";
  q.state = ctx.req.Query("state");
  static constexpr std::string_view kStates[] = {"current", "expiring", "in_force",
                                                 "expired", "upcoming", "repealed"};
  if (!q.state.empty() && !IsOneOf(q.state, kStates)) bad["state"] = "invalid_value";
  if (const std::string owner = ctx.req.Query("owner_unit_id"); !owner.empty()) {
    q.owner_unit_id = ParseDigits(owner);
    if (!q.owner_unit_id) bad["owner_unit_id"] = "invalid_value";
  }
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return q;
}

http::Response List(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  auto q = ReadQuery(ctx);
  if (!q) return ErrorResponse(q.error());
  q->offset = page->offset;
  q->limit = page->page_size;
  int64_t total = 0;
  auto rows = d.policies.List(*ctx.principal, *q, &total);
  if (!rows) return ErrorResponse(rows.error());
  json::array items;
  for (const auto& v : *rows) items.push_back(PolicyJson(v.policy, v.state, v.editable, false));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size},
                                        {"expiring_days", kExpiringDays}});
}

http::Response Get(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("policy not found"));
  auto v = d.policies.Get(*ctx.principal, *id);
  if (!v) return ErrorResponse(v.error());
  return JsonResponse(200, PolicyJson(v->policy, v->state, v->editable, true));
}

http::Response Create(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto p = ReadPolicy(*in, false);
  if (!p) return ErrorResponse(p.error());
  auto v = d.policies.Create(*ctx.principal, std::move(*p), ctx.Actor());
  if (!v) return ErrorResponse(v.error());
  return JsonResponse(201, PolicyJson(v->policy, v->state, v->editable, true));
}

http::Response Update(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("policy not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto p = ReadPolicy(*in, true);
  if (!p) return ErrorResponse(p.error());
  auto v = d.policies.Update(*ctx.principal, *id, std::move(*p), ctx.Actor());
  if (!v) return ErrorResponse(v.error());
  return JsonResponse(200, PolicyJson(v->policy, v->state, v->editable, true));
}

http::Response OfProject(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  return MatchesResponse(d.policies.MatchProject(*ctx.principal, *id));
}

// The lead form's preview: {industry_code, total_investment_yuan, land_mu_x100, foreign,
// preferred_unit_id}.
http::Response MatchLead(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  LeadFacts f;
  f.industry_code = in->String("industry_code", false, 10).value_or("");
  f.total_investment = in->Int("total_investment_yuan", false).value_or(0);
  f.land_mu_x100 = in->Int("land_mu_x100", false).value_or(0);
  f.foreign = in->Bool("foreign", false).value_or(false);
  f.unit_id = NullableInt(*in, "preferred_unit_id");
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return MatchesResponse(d.policies.MatchLead(f));
}

// 万元 with up to four decimals and no trailing zeros (12345 元 → "1.2345").
std::string WanText(int64_t yuan) {
  std::string s = std::to_string(yuan / 10'000);
  if (int64_t rest = yuan % 10'000; rest != 0) {
    std::string frac = std::to_string(rest < 0 ? -rest : rest);
    frac.insert(0, 4 - frac.size(), '0');
    while (frac.back() == '0') frac.pop_back();
    s += "." + frac;
  }
  return s;
}

http::Response Export(const Deps& d, RequestContext& ctx) {
  auto q = ReadQuery(ctx);
  if (!q) return ErrorResponse(q.error());
  q->limit = 100'000;
  int64_t total = 0;
  auto rows = d.policies.List(*ctx.principal, *q, &total);
  if (!rows) return ErrorResponse(rows.error());
  reports::Book book;
  auto* ws = book.Sheet("政策库");
  book.Header(ws,
              {"政策名称", "发文机关", "文号", "层级", "生效日期", "失效日期", "状态", "维护单位",
               "适用行业", "投资额下限（万元）", "用地", "外资", "支持内容", "摘要"});
  static const std::map<std::string, std::string> kLevelZh = {{"national", "国家"},
                                                              {"provincial", "省"},
                                                              {"city", "市"},
                                                              {"district", "县区"},
                                                              {"park", "园区"}};
  static const std::map<std::string, std::string> kStateZh = {{"current", "有效"},
                                                              {"expiring", "即将到期"},
                                                              {"expired", "已失效"},
                                                              {"upcoming", "未生效"},
                                                              {"repealed", "已废止"}};
  static const std::map<std::string, std::string> kLandZh = {
      {"any", "不限"}, {"needs_land", "需新增用地"}, {"no_new_land", "不新增用地"}};
  static const std::map<std::string, std::string> kForeignZh = {
      {"any", "不限"}, {"foreign_only", "限外资"}, {"domestic_only", "限内资"}};
  static const std::map<std::string, std::string> kGrantZh = {
      {"subsidy", "补贴"}, {"rent", "租金"},   {"land_price", "地价"}, {"tax", "税收"},
      {"finance", "金融"}, {"talent", "人才"}, {"other", "其他"}};
  int r = 1;
  for (const auto& v : *rows) {
    const Policy& p = v.policy;
    std::string codes, grants;
    for (const auto& c : p.conditions.industry_codes) codes += (codes.empty() ? "" : "、") + c;
    for (const auto& g : p.grants) {
      std::string one = kGrantZh.count(g.kind) ? kGrantZh.at(g.kind) : g.kind;
      if (g.rate_pct) one += " " + std::to_string(*g.rate_pct) + "%";
      if (g.cap_yuan) one += " 最高" + WanText(*g.cap_yuan) + "万元";
      if (!g.text.empty()) one += "：" + g.text;
      grants += (grants.empty() ? "" : "；") + one;
    }
    int col = 0;
    reports::Str(ws, r, col++, p.title);
    reports::Str(ws, r, col++, p.issuer);
    reports::Str(ws, r, col++, p.doc_number);
    reports::Str(ws, r, col++, kLevelZh.count(p.level) ? kLevelZh.at(p.level) : p.level);
    reports::Str(ws, r, col++, p.effective_from);
    reports::Str(ws, r, col++, p.expires_on.value_or("长期"));
    reports::Str(ws, r, col++, kStateZh.at(std::string(PolicyStateName(v.state))));
    reports::Str(ws, r, col++, p.owner_unit_name);
    reports::Str(ws, r, col++, codes.empty() ? "不限" : codes);
    if (p.conditions.min_investment_yuan)
      reports::Num(ws, r, col++, static_cast<double>(*p.conditions.min_investment_yuan) / 10'000,
                   book.wan());
    else
      reports::Str(ws, r, col++, "不限");
    reports::Str(ws, r, col++,
                 kLandZh.count(p.conditions.land) ? kLandZh.at(p.conditions.land) : "");
    reports::Str(ws, r, col++,
                 kForeignZh.count(p.conditions.foreign) ? kForeignZh.at(p.conditions.foreign) : "");
    reports::Str(ws, r, col++, grants);
    reports::Str(ws, r, col++, p.summary);
    ++r;
  }
  return reports::XlsxFile(book.Close(), "policies.xlsx", "政策库.xlsx");
}
}  // namespace

void RegisterPolicyRoutes(AppRouter& r, PolicyService& policies) {
  auto with = BindTo(Deps{policies});
  r.Add("GET", "/api/v1/policies", perm::kPolicyRead, with(List));
  r.Add("GET", "/api/v1/policies/export.xlsx", perm::kPolicyRead, with(Export));  // before {id}
  r.Add("POST", "/api/v1/policies/match", perm::kPolicyRead, with(MatchLead));
  r.Add("POST", "/api/v1/policies", perm::kPolicyWrite, with(Create));
  r.Add("GET", "/api/v1/policies/{id}", perm::kPolicyRead, with(Get));
  r.Add("PUT", "/api/v1/policies/{id}", perm::kPolicyWrite, with(Update));
  r.Add("GET", "/api/v1/projects/{id}/policies", pipeline::perm::kProjectRead, with(OfProject));
}

}  // namespace zhaoshang::policies
