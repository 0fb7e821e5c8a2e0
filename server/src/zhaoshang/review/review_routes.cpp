// Routes: /api/v1/review/*
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/matching/matching_render.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/review/review_render.hpp"
#include "zhaoshang/review/review_routes.hpp"
#include "zhaoshang/review/review_service.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  review::ReviewService& review;
};

json::object MemberJson(const review::Member& m) {
  return {{"user_id", m.user_id},
          {"user_name", m.user_name},
          {"unit_name", m.unit_name},
          {"category", m.category}};
}

json::object PanelJson(const review::Panel& p) {
  json::array members;
  for (const auto& m : p.members) members.push_back(MemberJson(m));
  return {{"id", p.id},
          {"name", p.name},
          {"active", p.active},
          {"quorum_num", p.rule.quorum_num},
          {"quorum_den", p.rule.quorum_den},
          {"approve_num", p.rule.approve_num},
          {"approve_den", p.rule.approve_den},
          {"members", std::move(members)},
          {"version", p.version}};
}

json::array CriteriaJson(const std::vector<review::Criterion>& cs) {
  json::array a;
  for (const auto& c : cs)
    a.push_back(json::object{
        {"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"weight", c.weight}});
  return a;
}

json::object SummaryJson(const review::RoundSummary& s) {
  return {{"id", s.id},
          {"panel_id", s.panel_id},
          {"panel_name", s.panel_name},
          {"title", s.title},
          {"deadline", s.deadline},
          {"status", s.status},
          {"items_count", s.items_count},
          {"my_pending", s.my_pending},
          {"created_at", s.created_at},
          {"closed_at", OptInt(s.closed_at)}};
}

json::object SheetJson(const review::Sheet& s) {
  json::object scores;
  for (const auto& [k, v] : s.scores) scores[k] = v;
  json::array reasons;
  for (const auto& r : s.reason_codes) reasons.emplace_back(r);
  return {{"member_id", s.member_id},
          {"member_name", s.member_name},
          {"category", s.category},
          {"recused", s.recused},
          {"scores", std::move(scores)},
          {"weighted", s.weighted},
          {"vote", s.vote.empty() ? json::value(nullptr) : json::value(s.vote)},
          {"reason_codes", std::move(reasons)},
          {"questions", s.questions},
          {"comment", s.comment},
          {"updated_at", s.updated_at}};
}

// While a round is open a member sees how many voted and whether the quorum is there, never
// how: with three members the counts would give the others' votes away.
json::object TallyJson(const review::Tally& t, bool full) {
  auto hidden = [&](int v) { return full ? json::value(v) : json::value(nullptr); };
  return {{"members", t.members},
          {"recused", t.recused},
          {"eligible", t.eligible},
          {"voted", t.voted},
          {"approve", hidden(t.approve)},
          {"reject", hidden(t.reject)},
          {"more_info", hidden(t.more_info)},
          {"quorum_met", t.quorum_met},
          {"outcome", full && t.outcome ? json::value(*t.outcome) : json::value(nullptr)},
          {"average_score",
           full && t.average_score ? json::value(*t.average_score) : json::value(nullptr)}};
}

// The facts a panel member needs; no contacts, no promoter's phone.
json::object ProjectFacts(const pipeline::Project& p) {
  return {
      {"name", p.name},
      {"investor_name", p.investor_name},
      {"investor_origin", p.investor_origin},
      {"foreign", p.foreign},
      {"industry_code", p.industry_code},
      {"industry_name", p.industry_name},
      {"chain_node_name", p.chain_node_id ? json::value(p.chain_node_name) : json::value(nullptr)},
      {"total_investment_yuan", p.total_investment},
      {"fixed_investment_yuan", p.fixed_investment},
      {"land_mu_x100", p.land_mu_x100},
      {"building_m2", p.building_m2},
      {"power_kva", p.power_kva},
      {"jobs", p.jobs},
      {"annual_output_yuan", p.annual_output},
      {"annual_tax_yuan", p.annual_tax},
      {"description", p.description},
      {"reporting_unit_name", p.reporting_unit_name},
      {"promoter_name", p.promoter_name},
      {"stage", p.stage}};
}

json::object RoundJson(const review::Round& r, int64_t me) {
  json::object o = SummaryJson(r.summary);
  json::array members, items;
  for (const auto& m : r.members) {
    json::object mj = MemberJson(m);
    json::array recused;
    const bool shown = r.sees_all || r.summary.status == "closed" || m.user_id == me;
    if (auto it = r.recused_on.find(m.user_id); shown && it != r.recused_on.end())
      for (int64_t p : it->second) recused.push_back(p);
    mj["recused_on"] = std::move(recused);
    members.push_back(std::move(mj));
  }
  const bool show_all = r.sees_all || r.summary.status == "closed";
  for (const auto& it : r.items) {
    json::object prefill;
    for (const auto& [k, v] : it.prefill) prefill[k] = v ? json::value(*v) : json::value(nullptr);
    json::array top;
    for (const auto& f : it.top_matches) top.push_back(FitJson(f));
    json::value mine = nullptr;
    json::array sheets;
    for (const auto& s : it.sheets) {
      if (s.member_id == me) mine = SheetJson(s);
      if (show_all) sheets.push_back(SheetJson(s));
    }
    json::object item{{"project_id", it.project_id},
                      {"project", ProjectFacts(it.project)},
                      {"prefill", std::move(prefill)},
                      {"top_matches", std::move(top)},
                      {"my_sheet", std::move(mine)},
                      {"tally", TallyJson(it.tally, show_all)},
                      {"decision", it.decision_json.empty() ? json::value(nullptr)
                                                            : json::parse(it.decision_json)}};
    if (show_all) item["sheets"] = std::move(sheets);
    items.push_back(std::move(item));
  }
  o["members"] = std::move(members);
  o["criteria"] = CriteriaJson(r.criteria);
  o["quorum_num"] = r.rule.quorum_num;
  o["quorum_den"] = r.rule.quorum_den;
  o["approve_num"] = r.rule.approve_num;
  o["approve_den"] = r.rule.approve_den;
  o["is_manager"] = r.is_manager;
  o["is_member"] = r.is_member;
  o["items"] = std::move(items);
  o["version"] = r.version;
  return o;
}

review::PanelInput ReadPanel(JsonInput& in) {
  review::PanelInput p;
  p.name = in.String("name", false, 50);
  p.active = in.Bool("active", false);
  auto fraction = [&](const char* k) -> std::optional<int> {
    auto v = in.Int(k, false);
    if (v && (*v < 1 || *v > 10)) in.AddError(k, "invalid_value");
    return v ? std::optional<int>(static_cast<int>(std::clamp<int64_t>(*v, 0, 10))) : std::nullopt;
  };
  p.quorum_num = fraction("quorum_num");
  p.quorum_den = fraction("quorum_den");
  p.approve_num = fraction("approve_num");
  p.approve_den = fraction("approve_den");
  in.Mark("members");
  if (auto* m = in.raw().if_contains("members"); m && !m->is_null()) {
    std::vector<std::pair<int64_t, std::string>> list;
    bool ok = m->is_array();
    if (ok)
      for (const auto& x : m->as_array()) {
        const auto* o = x.if_object();
        const auto* u = o ? o->if_contains("user_id") : nullptr;
        const auto* c = o ? o->if_contains("category") : nullptr;
        if (!u || !u->is_int64() || !c || !c->is_string() || o->size() != 2) {
          ok = false;
          break;
        }
        list.emplace_back(u->as_int64(), std::string(c->as_string()));
      }
    if (ok)
      p.members = std::move(list);
    else
      in.AddError("members", "wrong_type");
  }
  return p;
}

http::Response ListPanels(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& p : d.review.Panels()) items.push_back(PanelJson(p));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

// Who the panel dialog may offer as a member: the server's rule, not a copy in the client.
http::Response EligibleMembers(const Deps& d, RequestContext& ctx) {
  constexpr size_t kMaxQuery = 50;
  constexpr int64_t kLimit = 50;
  const std::string q = ctx.req.Query("q");
  if (Utf8Length(q) > kMaxQuery) return ErrorResponse(InvalidArgument({{"q", "too_long"}}));
  json::array items;
  for (const auto& u : d.review.EligibleMembers(q, kLimit))
    items.push_back(json::object{{"id", u.id},
                                 {"login", u.login},
                                 {"name", u.name},
                                 {"unit_id", u.unit_id},
                                 {"unit_name", u.unit_name},
                                 {"roles", json::array(u.roles.begin(), u.roles.end())}});
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response CreatePanel(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto p = ReadPanel(*in);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.review.CreatePanel(p, ctx.Actor());
  return r ? JsonResponse(201, PanelJson(*r)) : ErrorResponse(r.error());
}

http::Response UpdatePanel(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("panel not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto p = ReadPanel(*in);
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.review.UpdatePanel(*id, p, *version, ctx.Actor());
  return r ? JsonResponse(200, PanelJson(*r)) : ErrorResponse(r.error());
}

http::Response GetCriteria(const Deps& d, RequestContext& ctx) {
  int64_t version = 0;
  auto cs = d.review.Criteria(&version);
  return JsonResponse(200, json::object{{"items", CriteriaJson(cs)}, {"version", version}});
}

http::Response PutCriteria(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  in->Mark("items");
  std::vector<review::Criterion> cs;
  const auto* items = in->raw().if_contains("items");
  if (!items || !items->is_array()) {
    in->AddError("items", items ? "wrong_type" : "required");
  } else {
    for (const auto& x : items->as_array()) {
      if (!x.is_object()) {
        in->AddError("items", "wrong_type");
        break;
      }
      auto item = JsonInput::FromObject(x.as_object());
      review::Criterion c;
      c.code = item.String("code", true, 40).value_or("");
      c.name_zh = item.String("name_zh", true, 30).value_or("");
      c.name_en = item.String("name_en", false, 60).value_or("");
      c.weight =
          static_cast<int>(std::clamp<int64_t>(item.Int("weight", true).value_or(-1), -1, 101));
      if (!item.Finish()) in->AddError("items", "invalid_value");
      cs.push_back(c);
    }
  }
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto st = d.review.SaveCriteria(cs, *version, ctx.Actor());
  return st ? GetCriteria(d, ctx) : ErrorResponse(st.error());
}

http::Response CreateRound(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto panel = in->Int("panel_id", true);
  auto title = in->String("title", true, 100);
  auto deadline = in->String("deadline", true, 10);
  in->Mark("project_ids");
  std::vector<int64_t> ids;
  const auto* p = in->raw().if_contains("project_ids");
  if (!p || !p->is_array())
    in->AddError("project_ids", p ? "wrong_type" : "required");
  else
    for (const auto& x : p->as_array()) {
      if (!x.is_int64()) {
        in->AddError("project_ids", "wrong_type");
        break;
      }
      ids.push_back(x.as_int64());
    }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.review.CreateRound(*ctx.principal, *panel, *title, *deadline, ids, ctx.Actor());
  return r ? JsonResponse(201, RoundJson(*r, ctx.principal->user_id)) : ErrorResponse(r.error());
}

http::Response ListRounds(const Deps& d, RequestContext& ctx) {
  std::string status = ctx.req.Query("status");
  if (!status.empty() && status != "open" && status != "closed")
    return ErrorResponse(InvalidArgument({{"status", "invalid_value"}}));
  json::array items;
  for (const auto& s : d.review.Rounds(*ctx.principal, status)) items.push_back(SummaryJson(s));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetRound(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("review round not found"));
  auto r = d.review.GetRound(*ctx.principal, *id);
  return r ? JsonResponse(200, RoundJson(*r, ctx.principal->user_id)) : ErrorResponse(r.error());
}

http::Response PutSheet(const Deps& d, RequestContext& ctx) {
  auto round = ctx.IdParam(0);
  auto project = ctx.IdParam(1);
  if (!round || !project) return ErrorResponse(NotFound("review round not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  review::SheetInput s;
  s.recused = in->Bool("recused", false).value_or(false);
  s.vote = in->String("vote", false, 20).value_or("");
  s.reason_codes = in->StringArray("reason_codes", false).value_or(std::vector<std::string>{});
  s.questions = in->Text("questions", false, 1000).value_or("");
  s.comment = in->Text("comment", false, 1000).value_or("");
  in->Mark("scores");
  if (const auto* sc = in->raw().if_contains("scores"); sc && !sc->is_null()) {
    if (!sc->is_object()) {
      in->AddError("scores", "wrong_type");
    } else {
      for (const auto& kv : sc->as_object()) {
        if (!kv.value().is_int64()) {
          in->AddError("scores." + std::string(kv.key()), "wrong_type");
          continue;
        }
        s.scores[std::string(kv.key())] =
            static_cast<int>(std::clamp<int64_t>(kv.value().as_int64(), -1, 11));
      }
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.review.SaveSheet(*ctx.principal, *round, *project, s, ctx.Actor());
  return r ? JsonResponse(200, SheetJson(*r)) : ErrorResponse(r.error());
}

http::Response CloseRound(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("review round not found"));
  auto r = d.review.Close(*ctx.principal, *id, ctx.Actor());
  return r ? JsonResponse(200, RoundJson(*r, ctx.principal->user_id)) : ErrorResponse(r.error());
}

}  // namespace

json::array OpenRoundsJson(review::ReviewService& review, const auth::Principal& who) {
  json::array out;
  if (!org::ResolveScope(who.roles, "review.participate")) return out;
  for (const auto& s : review.Rounds(who, "open")) {
    // Members' own rounds only (a manager sees every round on the rounds page instead).
    auto r = review.GetRound(who, s.id);
    if (r && r->is_member) out.push_back(SummaryJson(r->summary));
  }
  return out;
}

void RegisterReviewRoutes(AppRouter& r, review::ReviewService& review) {
  auto with = BindTo(Deps{review});
  r.Add("GET", "/api/v1/review/panels", "review.manage", with(ListPanels));
  r.Add("POST", "/api/v1/review/panels", "review.manage", with(CreatePanel));
  r.Add("GET", "/api/v1/review/eligible-members", "review.manage", with(EligibleMembers));
  r.Add("PATCH", "/api/v1/review/panels/{id}", "review.manage", with(UpdatePanel));
  r.Add("GET", "/api/v1/review/criteria", "review.manage", with(GetCriteria));
  r.Add("PUT", "/api/v1/review/criteria", "review.manage", with(PutCriteria));
  r.Add("POST", "/api/v1/review/rounds", "review.manage", with(CreateRound));
  r.Add("GET", "/api/v1/review/rounds", "review.view", with(ListRounds));
  r.Add("GET", "/api/v1/review/rounds/{id}", "review.view", with(GetRound));
  r.Add("PUT", "/api/v1/review/rounds/{id}/items/{id}/sheet", "review.participate", with(PutSheet));
  r.Add("POST", "/api/v1/review/rounds/{id}/close", "review.manage", with(CloseRound));
}

}  // namespace zhaoshang
