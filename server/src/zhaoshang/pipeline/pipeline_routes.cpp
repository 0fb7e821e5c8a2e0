// Routes: /api/v1/projects*, /api/v1/pipeline/settings
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <cmath>
#include <set>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/pipeline/investor_name.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/pipeline_routes.hpp"
#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/pipeline/workflow_service.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using namespace pipeline;

std::optional<std::vector<ContactFields>> ReadContacts(JsonInput& in,
                                                       const boost::json::object& raw) {
  in.Mark("contacts");
  auto* c = raw.if_contains("contacts");
  if (!c || c->is_null()) return std::nullopt;
  if (!c->is_array()) {
    in.AddError("contacts", "wrong_type");
    return std::nullopt;
  }
  std::vector<ContactFields> list;
  for (const auto& item : c->as_array()) {
    const auto* o = item.if_object();
    auto str = [&](const char* k) -> std::optional<std::string> {
      if (!o) return std::nullopt;
      auto* v = o->if_contains(k);
      if (!v || v->is_null()) return std::string();
      if (!v->is_string()) return std::nullopt;
      return std::string(v->as_string());
    };
    auto name = str("name"), phone = str("phone"), title = str("title");
    if (!o || !name || !phone || !title || o->size() > 3) {
      in.AddError("contacts", "wrong_type");
      return std::nullopt;
    }
    if (!IsOneLine(*name + *phone + *title)) {
      in.AddError("contacts", "invalid_value");  // one-line fields
      return std::nullopt;
    }
    list.push_back({*name, *phone, *title});
  }
  return list;
}

namespace {
json::value OptStr(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value NameOrNull(const std::optional<int64_t>& id, const std::string& name) {
  return id ? json::value(name) : json::value(nullptr);
}

json::object RowJson(const Project& p, const clocks::ClockDay& day) {
  return {
      {"id", p.id},
      {"name", p.name},
      {"investor_name", p.investor_name},
      {"uscc", OptStr(p.uscc)},
      {"investor_origin", p.investor_origin},
      {"foreign", p.foreign},
      {"industry_code", p.industry_code},
      {"industry_name", p.industry_name},
      {"chain_node_id", OptInt(p.chain_node_id)},
      {"chain_node_name", NameOrNull(p.chain_node_id, p.chain_node_name)},
      {"leading_industry_id", OptInt(p.leading_industry_id)},
      {"leading_industry_name", NameOrNull(p.leading_industry_id, p.leading_industry_name)},
      {"total_investment_yuan", p.total_investment},
      {"fixed_investment_yuan", p.fixed_investment},
      {"land_mu_x100", p.land_mu_x100},
      {"building_m2", p.building_m2},
      {"power_kva", p.power_kva},
      {"jobs", p.jobs},
      {"annual_output_yuan", p.annual_output},
      {"annual_tax_yuan", p.annual_tax},
      {"investment_band", p.band},
      {"source_channel", p.source_channel},
      {"reporting_unit_id", p.reporting_unit_id},
      {"reporting_unit_name", p.reporting_unit_name},
      {"promoter_id", p.promoter_id},
      {"promoter_name", p.promoter_name},
      {"preferred_unit_id", OptInt(p.preferred_unit_id)},
      {"preferred_unit_name", NameOrNull(p.preferred_unit_id, p.preferred_unit_name)},
      {"stage", p.stage},
      {"stage_since", p.stage_since},
      {"responsible_user_id", OptInt(p.responsible_user_id)},
      {"responsible_user_name", NameOrNull(p.responsible_user_id, p.responsible_user_name)},
      {"responsible_unit_id", p.responsible_unit_id},
      {"responsible_unit_name", p.responsible_unit_name},
      {"next_step",
       NextStep(ParseStage(p.stage).value_or(Stage::kLead), p.pending_routing_id.has_value())},
      {"pending_routing_id", OptInt(p.pending_routing_id)},
      {"step_deadline", OptStr(p.step_deadline)},
      {"overdue", p.step_deadline.has_value() && *p.step_deadline < day.today},
      {"clock", p.step_deadline ? json::value(clocks::ClockStateName(day.StateOf(*p.step_deadline)))
                                : json::value(nullptr)},
      {"receiving_unit_id", OptInt(p.receiving_unit_id)},
      {"receiving_unit_name", NameOrNull(p.receiving_unit_id, p.receiving_unit_name)},
      {"district_id", OptInt(p.district_id)},
      {"signing_date", OptStr(p.signing_date)},
      {"contracted_investment_yuan", OptInt(p.contracted_investment)},
      {"construction_date", OptStr(p.construction_date)},
      {"production_date", OptStr(p.production_date)},
      {"capital_in_place_yuan", p.capital_in_place},
      {"close_reason_code", OptStr(p.close_reason_code)},
      {"close_reason", OptStr(p.close_reason)},
      {"created_at", p.created_at},
      {"updated_at", p.updated_at},
      {"version", p.version}};
}

json::array ContactsJson(const std::vector<Contact>& cs) {
  json::array a;
  for (const auto& c : cs)
    a.push_back(json::object{{"name", c.name}, {"phone", c.phone}, {"title", c.title}});
  return a;
}

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& x : v) a.emplace_back(x);
  return a;
}

json::object CapabilitiesJson(const ProjectCapabilities& k) {
  json::array transitions;
  for (const auto& t : k.transitions)
    transitions.push_back(json::object{{"to", t.to},
                                       {"ask", Strings(t.ask)},
                                       {"reason_codes", Strings(t.reason_codes)},
                                       {"reason", t.reason},
                                       {"evidence", Strings(t.evidence)},
                                       {"checklist", Strings(t.checklist)}});
  return {{"edit", k.edit},
          {"add_activity", k.add_activity},
          {"adjudicate", k.adjudicate},
          {"route", k.route},
          {"confirm_capital", k.confirm_capital},
          {"attach", k.attach},
          {"manage_files", k.manage_files},
          {"transitions", std::move(transitions)}};
}

json::object DetailJson(const ProjectView& v, const clocks::ClockDay& day) {
  json::object o = RowJson(v.project, day);
  o["description"] = v.project.description;
  o["contacts"] = ContactsJson(v.project.contacts);
  o["contacts_masked"] = v.contacts_masked;
  json::array promoters;
  for (const auto& e : v.project.promoters)
    promoters.push_back(json::object{{"user_id", e.user_id},
                                     {"user_name", e.user_name},
                                     {"unit_id", e.unit_id},
                                     {"unit_name", e.unit_name},
                                     {"kind", e.kind},
                                     {"joined_at", e.joined_at}});
  o["promoters"] = std::move(promoters);
  json::array allowed;
  for (const auto& s : v.allowed_transitions) allowed.emplace_back(s);
  o["allowed_transitions"] = std::move(allowed);
  o["capabilities"] = CapabilitiesJson(v.capabilities);
  return o;
}

// What the pipeline's handlers call: their services and the clock, never the App.
struct Deps {
  ProjectService& projects;
  WorkflowService& workflow;
  clocks::ClockService& clocks;
};

std::string Today(const Deps& d) { return d.clocks.Today(); }

http::Response Detail(const Deps& d, const Result<ProjectView>& r, int status = 200) {
  return r ? JsonResponse(status, DetailJson(*r, d.clocks.Now())) : ErrorResponse(r.error());
}

// Reads the editable fields of a project from a JSON body.
ProjectInput ReadProject(JsonInput& in, const json::object& raw) {
  ProjectInput p;
  p.name = in.String("name", false, 100);
  p.investor_name = in.String("investor_name", false, 100);
  p.uscc = in.String("uscc", false, 30);
  if (!p.uscc && in.IsNull("uscc")) p.uscc = "";
  p.investor_origin = in.String("investor_origin", false, 50);
  p.foreign = in.Bool("foreign", false);
  p.industry_code = in.String("industry_code", false, 10);
  p.chain_node_id = in.Int("chain_node_id", false);
  if (!p.chain_node_id && in.IsNull("chain_node_id")) p.chain_node_id = 0;
  p.preferred_unit_id = in.Int("preferred_unit_id", false);
  if (!p.preferred_unit_id && in.IsNull("preferred_unit_id")) p.preferred_unit_id = 0;
  p.total_investment = in.Int("total_investment_yuan", false);
  p.fixed_investment = in.Int("fixed_investment_yuan", false);
  p.land_mu_x100 = in.Int("land_mu_x100", false);
  p.building_m2 = in.Int("building_m2", false);
  p.power_kva = in.Int("power_kva", false);
  p.jobs = in.Int("jobs", false);
  p.annual_output = in.Int("annual_output_yuan", false);
  p.annual_tax = in.Int("annual_tax_yuan", false);
  p.source_channel = in.String("source_channel", false, 40);
  p.description = in.Text("description", false, 2000);
  if (auto list = ReadContacts(in, raw)) {
    p.contacts.emplace();
    for (auto& k : *list) p.contacts->push_back({k.name, k.phone, k.title});
  }
  return p;
}

http::Response Create(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  ProjectInput p = ReadProject(*in, in->raw());
  auto join = in->Int("join_project_id", false);
  const bool confirmed = in->Bool("collision_confirmed", false).value_or(false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  if (join) {
    auto r = d.projects.Join(*ctx.principal, *join, p.investor_name.value_or(""),
                             p.uscc.value_or(""), ctx.Actor());
    if (!r) return ErrorResponse(r.error());
    return JsonResponse(200, json::object{{"joined", true}, {"project_id", *r}});
  }
  return Detail(d, d.projects.Create(*ctx.principal, p, ctx.Actor(), confirmed), 201);
}

http::Response Update(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  ProjectInput p = ReadProject(*in, in->raw());
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Detail(d, d.projects.Update(*ctx.principal, *id, p, *version, ctx.Actor()));
}

http::Response Get(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  return Detail(d, d.projects.Get(*ctx.principal, *id));
}

}  // namespace

// Filters shared by the list, the board and the export.
Result<ProjectFilter> ReadProjectFilter(RequestContext& ctx, const clocks::ClockDay& day) {
  ProjectFilter f;
  std::map<std::string, std::string> bad;
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= s.size() && !s.empty()) {
      size_t end = s.find(',', pos);
      if (end == std::string::npos) end = s.size();
      if (end > pos) out.push_back(s.substr(pos, end - pos));
      pos = end + 1;
    }
    return out;
  };
  auto id = [&](const char* name) -> std::optional<int64_t> {
    std::string v = ctx.req.Query(name);
    if (v.empty()) return std::nullopt;
    auto n = ParseDigits(v);
    if (!n) bad[name] = "invalid_value";
    return n;
  };
  for (const auto& s : split(ctx.req.Query("stage"))) {
    if (!ParseStage(s)) bad["stage"] = "invalid_value";
    f.stages.push_back(s);
  }
  if (std::string code = ctx.req.Query("industry"); !code.empty()) {
    const auto* ind = catalog::Industries::Embedded().Find(code);
    if (!ind)
      bad["industry"] = "invalid_value";
    else {
      f.industry_code = code;
      f.industry_level = ind->level;
    }
  }
  f.leading_industry_id = id("leading_industry_id");
  f.district_id = id("district_id");
  f.park_id = id("park_id");
  f.promoter_id = id("promoter_id");
  f.reporting_unit_root = id("unit_id");  // its subtree: the service resolves it
  for (const auto& b : split(ctx.req.Query("band"))) {
    if (b.size() != 1 || b[0] < '0' || b[0] > '5')
      bad["band"] = "invalid_value";
    else
      f.bands.push_back(b[0] - '0');
  }
  auto date = [&](const char* name) -> std::optional<std::string> {
    std::string v = ctx.req.Query(name);
    if (v.empty()) return std::nullopt;
    if (!IsIsoDate(v)) {
      bad[name] = "invalid_value";
      return std::nullopt;
    }
    return v;
  };
  // Reported dates are calendar days in China of created_at.
  if (auto d = date("reported_from")) f.reported_from_ms = LocalDayStartMs(*d);
  if (auto d = date("reported_to")) f.reported_to_ms = LocalDayStartMs(AddDays(*d, 1));
  f.signed_from = date("signed_from");
  f.signed_to = date("signed_to");
  f.q = ctx.req.Query("q").substr(0, 100);
  if (std::string o = ctx.req.Query("overdue"); o == "true")
    f.overdue_before = day.today;
  else if (!o.empty() && o != "false")
    bad["overdue"] = "invalid_value";
  // The clock states as deadline ranges: overdue before today, due soon from today through
  // the next working day, on time after it.
  if (std::string k = ctx.req.Query("clock"); k == "overdue")
    f.overdue_before = day.today;
  else if (k == "due_soon")
    f.deadline_from = day.today, f.deadline_to = day.due_soon_through;
  else if (k == "on_time")
    f.deadline_from = AddDays(day.due_soon_through, 1);
  else if (!k.empty())
    bad["clock"] = "invalid_value";
  std::string sort = ctx.req.Query("sort");
  if (!sort.empty()) {
    static const std::set<std::string> kSorts = {"created_at", "total_investment", "stage_since",
                                                 "step_deadline", "name"};
    if (!kSorts.count(sort)) bad["sort"] = "invalid_value";
    f.sort = sort;
  }
  std::string order = ctx.req.Query("order");
  if (!order.empty() && order != "asc" && order != "desc") bad["order"] = "invalid_value";
  f.ascending = order == "asc";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return f;
}

namespace {

http::Response List(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  auto f = ReadProjectFilter(ctx, d.clocks.Now());
  if (!f) return ErrorResponse(f.error());
  f->offset = page->offset;
  f->limit = page->page_size;
  int64_t total = 0;
  const clocks::ClockDay day = d.clocks.Now();
  auto rows = d.projects.ListRendered(*ctx.principal, *f, &total, day.Key(), [&](const Project& p) {
    return boost::json::serialize(RowJson(p, day));
  });
  if (!rows) return ErrorResponse(rows.error());
  // Rows arrive as JSON text (cached per project), so the page is assembled as text.
  http::Response res;
  res.status = 200;
  size_t size = 64;
  for (const auto& row : *rows) size += row.size() + 1;
  res.body.reserve(size);
  res.body = "{\"items\":[";
  for (size_t i = 0; i < rows->size(); ++i) {
    if (i) res.body += ',';
    res.body += (*rows)[i];
  }
  res.body += "],\"total\":" + std::to_string(total) + ",\"page\":" + std::to_string(page->page) +
              ",\"page_size\":" + std::to_string(page->page_size) + "}";
  return res;
}

// Every column's first page, or one column's page N (`stage=lead&page=2`): each column of the
// board fetches its own. `with=capabilities` adds each card's capabilities (its allowed moves,
// as on the detail page); the ledger never pays for them.
http::Response Board(const Deps& d, RequestContext& ctx) {
  auto f = ReadProjectFilter(ctx, d.clocks.Now());
  if (!f) return ErrorResponse(f.error());
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  const std::string with = ctx.req.Query("with");
  if (!with.empty() && with != "capabilities")
    return ErrorResponse(InvalidArgument({{"with", "invalid_value"}}));
  constexpr int64_t kDefaultCards = 50;  // per column, when the page size is not asked
  f->limit = ctx.req.Query("page_size").empty() ? kDefaultCards : page->page_size;
  f->offset = (page->page - 1) * f->limit;
  auto r = d.projects.Board(*ctx.principal, *f, with == "capabilities");
  if (!r) return ErrorResponse(r.error());
  const clocks::ClockDay day = d.clocks.Now();
  json::array cols;
  for (const auto& c : *r) {
    json::array items;
    for (size_t i = 0; i < c.items.size(); ++i) {
      json::object row = RowJson(c.items[i], day);
      if (i < c.capabilities.size()) row["capabilities"] = CapabilitiesJson(c.capabilities[i]);
      items.push_back(std::move(row));
    }
    cols.push_back(
        json::object{{"stage", c.stage}, {"count", c.count}, {"items", std::move(items)}});
  }
  return JsonResponse(200, json::object{{"columns", std::move(cols)}});
}

http::Response Collision(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto name = in->String("investor_name", false, 100);
  auto uscc = in->String("uscc", false, 30);
  auto exclude = in->Int("exclude_project_id", false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  json::array hits;
  for (const auto& h :
       d.projects.CollisionCheck(*ctx.principal, name.value_or(""), uscc.value_or(""), exclude))
    hits.push_back(json::object{{"project_id", h.project_id},
                                {"match", h.match},
                                {"similarity", std::round(h.similarity * 100) / 100},
                                {"investor_name", h.investor_name},
                                {"project_name", h.project_name},
                                {"reporting_unit_name", h.reporting_unit_name},
                                {"reported_on", h.reported_on},
                                {"stage", h.stage},
                                {"in_scope", h.in_scope},
                                {"contacts", ContactsJson(h.contacts)}});
  return JsonResponse(200, json::object{{"hits", std::move(hits)}});
}

json::object SideJson(const CollisionSide& s) {
  return {{"project_id", s.project_id},
          {"name", s.name},
          {"investor_name", s.investor_name},
          {"reporting_unit_name", s.reporting_unit_name},
          {"promoter_name", s.promoter_name},
          {"stage", s.stage},
          {"reported_on", LocalDateOfMs(s.created_at)}};
}

// 撞单确认: projects reported although the collision check found the investor (coordinator).
http::Response Collisions(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  int64_t total = 0;
  json::array items;
  for (const auto& c : d.projects.ListCollisions(page->offset, page->page_size, &total)) {
    json::array hits;
    for (const auto& h : c.hits) {
      json::object o = SideJson(h.project);
      o["match"] = h.match;
      o["similarity"] = static_cast<double>(h.similarity_pct) / 100.0;
      hits.push_back(std::move(o));
    }
    items.push_back(json::object{{"project", SideJson(c.project)},
                                 {"confirmed_at", c.confirmed_at},
                                 {"confirmed_by_name", c.confirmed_by_name},
                                 {"hits", std::move(hits)}});
  }
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}

http::Response Transition(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  TransitionInput t;
  t.to = in->String("to", true, 20).value_or("");
  t.version = in->Int("version", true).value_or(0);
  t.reason_code = in->String("reason_code", false, 40).value_or("");
  t.reason = in->Text("reason", false, 500).value_or("");
  in->Mark("fields");
  const json::object& raw = in->raw();
  if (auto* f = raw.if_contains("fields"); f && !f->is_null()) {
    if (!f->is_object()) {
      in->AddError("fields", "wrong_type");
    } else {
      auto sub = JsonInput::FromObject(f->as_object());
      t.receiving_unit_id = sub.Int("receiving_unit_id", false);
      t.responsible_user_id = sub.Int("responsible_user_id", false);
      t.contracted_investment = sub.Int("contracted_investment_yuan", false);
      t.signing_date = sub.String("signing_date", false, 10);
      t.construction_date = sub.String("construction_date", false, 10);
      t.production_date = sub.String("production_date", false, 10);
      if (auto st = sub.Finish(); !st) return ErrorResponse(st.error());
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Detail(d, d.workflow.Transition(*ctx.principal, *id, t, ctx.Actor()));
}

http::Response Timeline(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto r = d.projects.Timeline(*ctx.principal, *id);
  if (!r) return ErrorResponse(r.error());
  json::array items;
  for (const auto& it : *r) {
    json::object o{{"at", it.at}, {"kind", it.kind}, {"actor_name", it.actor_name}};
    if (it.event) {
      const Event& e = *it.event;
      o["from"] = OptStr(e.from_stage);
      o["to"] = OptStr(e.to_stage);
      o["reason_code"] = OptStr(e.reason_code);
      o["reason"] = OptStr(e.reason);
      boost::system::error_code ec;
      json::value d = json::parse(e.detail_json, ec);
      o["changes"] = ec ? json::value(json::object{}) : d;
    }
    if (it.activity) {
      const Activity& a = *it.activity;
      o["activity"] = json::object{{"id", a.id},
                                   {"kind", a.kind},
                                   {"date", a.date},
                                   {"participants", a.participants},
                                   {"summary", a.summary},
                                   {"outcome", a.outcome},
                                   {"next_action_date", OptStr(a.next_action_date)},
                                   {"amount_yuan", OptInt(a.amount)}};
    }
    items.push_back(std::move(o));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response AddActivity(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  Activity a;
  a.kind = in->String("kind", true, 20).value_or("");
  a.date = in->String("date", true, 10).value_or("");
  a.participants = in->String("participants", false, 200).value_or("");
  a.summary = in->Text("summary", true, 2000).value_or("");
  a.outcome = in->Text("outcome", false, 1000).value_or("");
  a.next_action_date = in->String("next_action_date", false, 10);
  a.amount = in->Int("amount_yuan", false);
  const bool confirm = in->Bool("confirm_over_investment", false).value_or(false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.projects.AddActivity(*ctx.principal, *id, a, ctx.Actor(), confirm);
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(201, json::object{{"id", r->id},
                                        {"project_id", r->project_id},
                                        {"kind", r->kind},
                                        {"date", r->date},
                                        {"participants", r->participants},
                                        {"summary", r->summary},
                                        {"outcome", r->outcome},
                                        {"next_action_date", OptStr(r->next_action_date)},
                                        {"amount_yuan", OptInt(r->amount)},
                                        {"actor_id", r->actor_id},
                                        {"actor_name", r->actor_name},
                                        {"created_at", r->created_at}});
}

http::Response Adjudicate(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto first = in->Int("first_user_id", true);
  auto reason = in->Text("reason", true, 500);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Detail(d, d.projects.Adjudicate(*ctx.principal, *id, *first, *reason, ctx.Actor()));
}

http::Response GetSettings(const Deps& d, RequestContext& ctx) {
  json::object days;
  for (const auto& [k, v] : d.workflow.DeadlineDays()) days[k] = v;
  json::object evidence;
  const auto required = d.workflow.EvidenceKinds();
  for (Stage s : kEvidenceStages) {
    json::array kinds;
    auto it = required.find(std::string(StageName(s)));
    if (it != required.end())
      for (const auto& k : it->second) kinds.emplace_back(k);
    evidence[StageName(s)] = std::move(kinds);
  }
  return JsonResponse(200, json::object{{"stage_deadline_days", std::move(days)},
                                        {"routing_days", d.workflow.RoutingDays()},
                                        {"stage_evidence", std::move(evidence)}});
}

// A day count as an int; values no int holds become -1 (the service's range check refuses them).
int DayCount(int64_t v) { return v > 100000 || v < -100000 ? -1 : static_cast<int>(v); }

http::Response PutSettings(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  in->Mark("stage_deadline_days");
  std::map<std::string, int> days;
  const auto* body = in->raw().if_contains("stage_deadline_days");
  const bool other = in->raw().contains("routing_days") || in->raw().contains("stage_evidence");
  if (!body && other) {
    // Only the routing days or the evidence change.
  } else if (!body || !body->is_object()) {
    in->AddError("stage_deadline_days", body ? "wrong_type" : "required");
  } else {
    for (const auto& kv : body->as_object()) {
      if (!kv.value().is_int64()) {
        in->AddError(std::string(kv.key()), "wrong_type");
        continue;
      }
      days[std::string(kv.key())] = DayCount(kv.value().as_int64());
    }
  }
  auto routing_days = in->Int("routing_days", false);
  // "stage_evidence": {"signed": ["investment_agreement"], …}; which stages and kinds is the
  // service's rule.
  in->Mark("stage_evidence");
  std::optional<std::map<std::string, std::vector<std::string>>> evidence;
  if (const auto* ev = in->raw().if_contains("stage_evidence"); ev && !ev->is_null()) {
    if (!ev->is_object()) {
      in->AddError("stage_evidence", "wrong_type");
    } else {
      evidence.emplace();
      for (const auto& kv : ev->as_object()) {
        const std::string field = "stage_evidence." + std::string(kv.key());
        auto& kinds = (*evidence)[std::string(kv.key())];
        if (!kv.value().is_array() || kv.value().as_array().size() > 20) {
          in->AddError(field, "wrong_type");
          continue;
        }
        for (const auto& k : kv.value().as_array()) {
          if (!k.is_string() || k.as_string().size() > 40) {
            in->AddError(field, "invalid_value");
            break;
          }
          kinds.emplace_back(k.as_string());
        }
      }
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  // The ranges are the service's rule.
  auto st = d.workflow.SaveSettings(
      days, routing_days ? std::optional<int>(DayCount(*routing_days)) : std::nullopt,
      evidence ? &*evidence : nullptr, ctx.Actor());
  return st ? GetSettings(d, ctx) : ErrorResponse(st.error());
}
// Whom a hand-over to the park `unit_id` may name as responsible: the transition dialog's list.
http::Response Receivers(const Deps& d, RequestContext& ctx) {
  const std::string unit = ctx.req.Query("unit_id");
  if (unit.empty()) return ErrorResponse(InvalidArgument({{"unit_id", "required"}}));
  const auto id = ParseDigits(unit);
  if (!id || *id <= 0) return ErrorResponse(InvalidArgument({{"unit_id", "invalid_value"}}));
  auto r = d.workflow.Receivers(*ctx.principal, *id);
  if (!r) return ErrorResponse(r.error());
  json::array items;
  for (const auto& u : *r)
    items.push_back(json::object{{"id", u.id},
                                 {"login", u.login},
                                 {"name", u.name},
                                 {"unit_id", u.unit_id},
                                 {"unit_name", u.unit_name}});
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}
}  // namespace

json::object PipelineRulesJson() {
  auto codes = [](const std::vector<std::string_view>& v) {
    json::array a;
    for (auto c : v) a.emplace_back(c);
    return a;
  };
  return {{"collision_threshold", kCollisionThreshold},
          {"routing_days", json::object{{"default", kDefaultRoutingDays},
                                        {"min", kMinDeadlineDays},
                                        {"max", kMaxRoutingDays}}},
          {"deadline_days", json::object{{"min", kMinDeadlineDays}, {"max", kMaxDeadlineDays}}},
          {"reason_codes", json::object{{"rejected", codes(ReasonCodes(Stage::kRejected, false))},
                                        {"returned", codes(ReasonCodes(Stage::kLead, true))},
                                        {"shelved", codes(ReasonCodes(Stage::kShelved, false))},
                                        {"lost", codes(ReasonCodes(Stage::kLost, false))}}},
          {"decline_reason_codes", codes(DeclineReasonCodes())}};
}

void RegisterPipelineRoutes(AppRouter& r, pipeline::ProjectService& projects,
                            pipeline::WorkflowService& workflow, clocks::ClockService& clocks) {
  const Deps d{projects, workflow, clocks};
  auto with = [d](http::Response (*h)(const Deps&, RequestContext&)) {
    return [d, h](RequestContext& ctx) { return h(d, ctx); };
  };
  r.Add("GET", "/api/v1/projects", perm::kProjectRead, with(List));
  r.Add("POST", "/api/v1/projects", perm::kProjectCreate, with(Create));
  r.Add("POST", "/api/v1/projects/collision-check", perm::kProjectCreate, with(Collision));
  r.Add("GET", "/api/v1/projects/board", perm::kProjectRead, with(Board));  // before /projects/{id}
  r.Add("GET", "/api/v1/projects/collisions", perm::kProjectAdjudicate, with(Collisions));
  r.Add("GET", "/api/v1/projects/{id}", perm::kProjectRead, with(Get));
  r.Add("PATCH", "/api/v1/projects/{id}", perm::kProjectWrite, with(Update));
  r.Add("POST", "/api/v1/projects/{id}/transitions", perm::kProjectWrite, with(Transition));
  r.Add("GET", "/api/v1/projects/{id}/timeline", perm::kProjectRead, with(Timeline));
  r.Add("POST", "/api/v1/projects/{id}/activities", perm::kProjectWrite, with(AddActivity));
  r.Add("POST", "/api/v1/projects/{id}/promoters/adjudicate", perm::kProjectAdjudicate,
        with(Adjudicate));
  r.Add("GET", "/api/v1/pipeline/settings", perm::kProjectRead, with(GetSettings));
  r.Add("PUT", "/api/v1/pipeline/settings", perm::kPipelineSettings, with(PutSettings));
  // The list is people: it needs user.read, the permission the user list asks.
  r.Add("GET", "/api/v1/pipeline/receivers", "user.read", with(Receivers));
}

}  // namespace zhaoshang
