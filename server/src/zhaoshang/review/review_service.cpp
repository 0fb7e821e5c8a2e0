#include "zhaoshang/review/review_service.hpp"

#include <algorithm>
#include <set>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/matching/park_service.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/workflow.hpp"
#include "zhaoshang/pipeline/workflow_service.hpp"
#include "zhaoshang/review/panel_rules.hpp"
#include "zhaoshang/review/review_store.hpp"

namespace zhaoshang::review {
namespace json = boost::json;
namespace {

const std::set<std::string>& Categories() {
  static const std::set<std::string> k = {"park", "factor_department", "academic", "enterprise"};
  return k;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::string CriteriaJson(const std::vector<Criterion>& cs) {
  json::array a;
  for (const auto& c : cs)
    a.push_back(json::object{
        {"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"weight", c.weight}});
  return json::serialize(a);
}
std::vector<Criterion> ParseCriteria(const json::value& v) {
  std::vector<Criterion> out;
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.as_object();
    auto str = [&](const char* k) {
      auto* p = o.if_contains(k);
      return p && p->is_string() ? std::string(p->as_string()) : std::string();
    };
    auto* w = o.if_contains("weight");
    out.push_back({str("code"), str("name_zh"), str("name_en"),
                   w && w->is_int64() ? static_cast<int>(w->as_int64()) : 0});
  }
  return out;
}

// 0–10 from a fit reason: ok → 10, low → 10 × value ÷ minimum.
std::optional<int> FromReason(const matching::Fit& f, const std::string& prefix) {
  for (const auto& c : f.components)
    for (const auto& r : c.reasons) {
      if (r.code == prefix + "_ok") return 10;
      if (r.code == prefix + "_low") {
        double value = 0, min = 0;
        for (const auto& [k, v] : r.params) {
          if (k == "value_wan") value = std::get<double>(v);
          if (k == "min_wan") min = std::get<double>(v);
        }
        return min > 0 ? static_cast<int>(std::lround(10 * std::min(1.0, value / min))) : 0;
      }
    }
  return std::nullopt;
}

// At most n characters (code points), never cutting one in half.
std::string TruncateChars(const std::string& s, size_t n) {
  size_t chars = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n) break;
  return s.substr(0, i);
}

std::optional<int> Component(const matching::Fit& f, const std::string& key) {
  for (const auto& c : f.components)
    if (c.key == key) return static_cast<int>(std::lround(10 * c.score));
  return std::nullopt;
}

}  // namespace

// Takes the round's row lock (PostgreSQL; SQLite's write lock already serialises): a sheet
// saved while the round closes, or two closes, wait for each other and then see the status.
Status LockOpenRound(db::Connection& c, int64_t round_id) {
  if (store::BumpOpenRound(c, round_id)) return {};
  if (!store::RoundExists(c, round_id)) return Fail(NotFound("review round not found"));
  return Fail(ErrorCode::kInvalidArgument, "transition_not_allowed", "the round is closed",
              {{"status", "invalid_value"}});
}

bool IsManager(const auth::Principal& who) {
  return org::ResolveScope(who.roles, "review.manage").has_value();
}

std::vector<Panel> ReviewService::Panels() {
  auto c = db_.Acquire();
  std::vector<Panel> out;
  for (int64_t id : store::PanelIds(*c)) out.push_back(*store::GetPanel(*c, id));
  return out;
}

namespace {
Status CheckPanel(db::Connection& c, const PanelInput& in, bool create) {
  std::map<std::string, std::string> bad;
  if (create && (!in.name || in.name->empty())) bad["name"] = "required";
  if (in.name && Utf8Length(*in.name) > 50) bad["name"] = "too_long";
  if (create && !in.members) bad["members"] = "required";
  if (in.members) {
    if (in.members->empty()) bad["members"] = "required";
    std::set<int64_t> seen;
    for (const auto& [user, category] : *in.members) {
      if (!Categories().count(category)) bad["members"] = "invalid_value";
      auto u = org::store::GetUser(c, user);
      if (!u || !u->active)
        bad["members"] = "not_found";
      else if (!MayJoinPanel(*u))
        bad["members"] = "not_eligible";  // could never vote: a panel must reach its quorum
      if (!seen.insert(user).second) bad["members"] = "invalid_value";
    }
  }
  DecisionRule r{in.quorum_num.value_or(2), in.quorum_den.value_or(3), in.approve_num.value_or(2),
                 in.approve_den.value_or(3)};
  if (!ValidRule(r)) bad["quorum_num"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return {};
}
}  // namespace

std::vector<org::User> ReviewService::EligibleMembers(const std::string& q, int64_t limit) {
  auto c = db_.Acquire();
  org::UserFilter f;
  f.q = q;
  f.active = true;
  f.any_role = org::RolesGranting(kParticipate);  // narrows the query; the rule decides below
  f.limit = limit;
  auto users = org::store::ListUsers(*c, f, nullptr);
  std::erase_if(users, [](const org::User& u) { return !MayJoinPanel(u); });
  return users;
}

Result<Panel> ReviewService::CreatePanel(const PanelInput& in, const Actor& actor) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (auto st = CheckPanel(*c, in, true); !st) return Fail(st.error());
  const int64_t now = clock_.NowMs();
  const int64_t id = store::InsertPanel(*c, *in.name, in.active.value_or(true),
                                        {in.quorum_num.value_or(2), in.quorum_den.value_or(3),
                                         in.approve_num.value_or(2), in.approve_den.value_or(3)},
                                        now);
  store::AddPanelMembers(*c, id, *in.members);
  audit::Diff d;
  d.Created("name", *in.name).Created("members", std::to_string(in.members->size()));
  audit::Append(*c, now, actor,
                {"review.panel_create", "review_panel", std::to_string(id), d.Json()});
  tx.Commit();
  return *store::GetPanel(*c, id);
}

Result<Panel> ReviewService::UpdatePanel(int64_t id, const PanelInput& in, int64_t version,
                                         const Actor& actor) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetPanel(*c, id);
  if (!before) return Fail(NotFound("panel not found"));
  PanelInput merged = in;
  if (!merged.quorum_num) merged.quorum_num = before->rule.quorum_num;
  if (!merged.quorum_den) merged.quorum_den = before->rule.quorum_den;
  if (!merged.approve_num) merged.approve_num = before->rule.approve_num;
  if (!merged.approve_den) merged.approve_den = before->rule.approve_den;
  if (auto st = CheckPanel(*c, merged, false); !st) return Fail(st.error());
  if (before->version != version) return Fail(VersionConflict());
  const int64_t now = clock_.NowMs();
  if (!store::UpdatePanel(
          *c, id, version, in.name.value_or(before->name), in.active.value_or(before->active),
          {*merged.quorum_num, *merged.quorum_den, *merged.approve_num, *merged.approve_den}, now))
    return Fail(VersionConflict());
  if (in.members) store::ReplacePanelMembers(*c, id, *in.members);
  audit::Diff d;
  d.Change("name", before->name, in.name.value_or(before->name))
      .Change("members", std::to_string(before->members.size()),
              std::to_string(in.members ? in.members->size() : before->members.size()));
  audit::Append(*c, now, actor,
                {"review.panel_update", "review_panel", std::to_string(id), d.Json()});
  tx.Commit();
  return *store::GetPanel(*c, id);
}

std::vector<Criterion> ReviewService::Criteria(int64_t* version) {
  auto c = db_.Acquire();
  return CriteriaIn(*c, version);
}

std::vector<Criterion> CriteriaIn(db::Connection& c, int64_t* version) {
  if (version) *version = 0;
  auto stored = store::CriteriaSetting(c);
  if (!stored) return DefaultCriteria();
  boost::system::error_code ec;
  auto v = json::parse(*stored, ec);
  if (ec || !v.is_object()) return DefaultCriteria();
  if (version)
    if (auto* x = v.as_object().if_contains("version"); x && x->is_int64())
      *version = x->as_int64();
  auto* items = v.as_object().if_contains("items");
  return items ? ParseCriteria(*items) : DefaultCriteria();
}

Status ReviewService::SaveCriteria(const std::vector<Criterion>& criteria, int64_t version,
                                   const Actor& actor) {
  std::map<std::string, std::string> bad;
  std::set<std::string> codes;
  int total = 0;
  if (criteria.empty() || criteria.size() > 20) bad["items"] = "invalid_value";
  for (const auto& k : criteria) {
    if (k.code.empty() || k.code.size() > 40 || !codes.insert(k.code).second)
      bad["items"] = "invalid_value";
    for (char ch : k.code)
      if (!(std::islower(static_cast<unsigned char>(ch)) || ch == '_'))
        bad["items"] = "invalid_value";
    if (k.name_zh.empty() || Utf8Length(k.name_zh) > 30 || Utf8Length(k.name_en) > 60)
      bad["items"] = "invalid_value";
    if (k.weight < 0 || k.weight > 100) bad["items"] = "invalid_value";
    total += k.weight;
  }
  if (total == 0) bad["items"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  int64_t current = 0;
  auto before = Criteria(&current);
  if (current != version) return Fail(VersionConflict());
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  json::object body{{"items", json::parse(CriteriaJson(criteria))}, {"version", version + 1}};
  if (version == 0) {
    store::InsertCriteriaSetting(*c, json::serialize(body));
  } else if (!store::ReplaceCriteriaSetting(
                 *c, json::serialize(body),
                 json::serialize(json::object{{"items", json::parse(CriteriaJson(before))},
                                              {"version", version}}))) {
    return Fail(VersionConflict());
  }
  audit::Diff d;
  d.Change("criteria", CriteriaJson(before), CriteriaJson(criteria));
  audit::Append(*c, clock_.NowMs(), actor,
                {"review.criteria", "settings", "review.criteria", d.Json()});
  tx.Commit();
  return {};
}

Result<Round> ReviewService::CreateRound(const auth::Principal& who, int64_t panel_id,
                                         const std::string& title, const std::string& deadline,
                                         const std::vector<int64_t>& project_ids,
                                         const Actor& actor) {
  std::map<std::string, std::string> bad;
  if (title.empty()) bad["title"] = "required";
  if (Utf8Length(title) > 100) bad["title"] = "too_long";
  if (!pipeline::IsIsoDate(deadline)) bad["deadline"] = "invalid_value";
  if (project_ids.empty() || project_ids.size() > kMaxRoundItems)
    bad["project_ids"] = "invalid_value";
  if (std::set<int64_t>(project_ids.begin(), project_ids.end()).size() != project_ids.size())
    bad["project_ids"] = "invalid_value";
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto panel = store::GetPanel(*c, panel_id);
  if (!panel || !panel->active) bad["panel_id"] = "not_found";
  for (int64_t id : project_ids) {
    auto p = pipeline::store::Get(*c, id, false);
    const bool busy = store::OnOpenRound(*c, id);
    if (!p || p->stage != "in_review" || busy) bad["project_ids"] = "invalid_value";
  }
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  const int64_t now = clock_.NowMs();
  const int64_t id = store::InsertRound(*c, panel_id, title, deadline, panel->rule,
                                        CriteriaJson(CriteriaIn(*c, nullptr)), who.user_id, now);
  store::AddRoundMembers(*c, id, panel->members);
  store::AddItems(*c, id, project_ids);
  audit::Diff d;
  d.Created("title", title).Created("deadline", deadline).Created("projects", [&] {
    std::vector<std::string> s;
    s.reserve(project_ids.size());
    for (int64_t p : project_ids) s.push_back(std::to_string(p));
    return Join(s);
  }());
  audit::Append(*c, now, actor,
                {"review.round_create", "review_round", std::to_string(id), d.Json()});
  tx.Commit();
  return Load(*c, who, id);
}

std::vector<RoundSummary> ReviewService::Rounds(const auth::Principal& who,
                                                const std::string& status) {
  auto c = db_.Acquire();
  const bool all = IsManager(who) || org::ResolveScope(who.roles, "review.read").has_value();
  return store::ListRounds(*c, who.user_id, all, status);
}

Result<Round> ReviewService::GetRound(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  return Load(*c, who, id);
}

Result<Round> ReviewService::Load(db::Connection& c, const auth::Principal& who, int64_t id) {
  auto row = store::GetRound(c, id);
  if (!row) return Fail(NotFound("review round not found"));
  Round r;
  r.summary = row->summary;
  r.rule = row->rule;
  {
    boost::system::error_code ec;
    auto v = json::parse(row->criteria_json, ec);
    r.criteria = ec ? DefaultCriteria() : ParseCriteria(v);
  }
  r.version = row->version;
  r.members = store::RoundMembers(c, id);
  for (const auto& m : r.members) r.is_member = r.is_member || m.user_id == who.user_id;
  r.is_manager = IsManager(who);
  const bool reader = org::ResolveScope(who.roles, "review.read").has_value();
  if (!r.is_member && !r.is_manager && !reader) return Fail(NotFound("review round not found"));
  r.sees_all = r.is_manager || reader;
  std::map<int64_t, std::string> category;
  for (const auto& m : r.members) category[m.user_id] = m.category;
  for (const auto& row_item : store::Items(c, id)) {
    Item it;
    it.project_id = row_item.project_id;
    it.outcome = row_item.outcome;
    it.decision_json = row_item.decision_json;
    auto p = pipeline::store::Get(c, it.project_id, false);
    if (!p) continue;
    it.project = *p;
    std::vector<Ballot> ballots;
    for (auto& s : store::Sheets(c, id, it.project_id)) {
      s.category = category[s.member_id];
      if (s.recused) r.recused_on[s.member_id].push_back(it.project_id);
      ballots.push_back({s.recused, s.vote, s.reason_codes, s.weighted});
      it.sheets.push_back(std::move(s));
    }
    it.tally = Count(static_cast<int>(r.members.size()), ballots, r.rule);
    auto fits = parks_.Match(c, matching::NeedsOf(it.project));
    for (const auto& f : fits)
      if (!f.excluded && it.top_matches.size() < 3) it.top_matches.push_back(f);
    if (!it.top_matches.empty()) {
      const auto& best = it.top_matches.front();
      it.prefill["industry_fit"] = Component(best, "industry");
      it.prefill["investment_intensity"] = FromReason(best, "intensity");
      it.prefill["tax_per_mu"] = FromReason(best, "tax");
      it.prefill["land_availability"] = Component(best, "carrier");
    }
    r.items.push_back(std::move(it));
  }
  r.summary.items_count = static_cast<int64_t>(r.items.size());
  for (const auto& it : r.items)
    if (r.is_member && r.summary.status == "open" &&
        std::none_of(it.sheets.begin(), it.sheets.end(),
                     [&](const Sheet& s) { return s.member_id == who.user_id; }))
      ++r.summary.my_pending;
  return r;
}

Result<Sheet> ReviewService::SaveSheet(const auth::Principal& who, int64_t round_id,
                                       int64_t project_id, const SheetInput& in,
                                       const Actor& actor) {
  if (!in.recused && in.vote.empty()) return Fail(InvalidArgument({{"vote", "required"}}));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  const bool member = store::IsRoundMember(*c, round_id, who.user_id);
  if (!member) {
    auto visible = Load(*c, who, round_id);  // 404 for those who may not even see the round
    if (!visible) return Fail(visible.error());
    return Fail(Forbidden("only the round's members hand in score sheets"));
  }
  if (auto st = LockOpenRound(*c, round_id); !st) return Fail(st.error());
  // What a sheet needs, without loading the round (and its park matching) under the write lock.
  if (!store::HasItem(*c, round_id, project_id)) return Fail(NotFound("project not on this round"));
  std::vector<Criterion> criteria;
  {
    boost::system::error_code ec;
    auto v = json::parse(store::RoundCriteria(*c, round_id), ec);
    criteria = ec ? DefaultCriteria() : ParseCriteria(v);
  }
  const std::string category = store::MemberCategory(*c, round_id, who.user_id);
  std::map<std::string, std::string> bad;
  Sheet s;
  s.member_id = who.user_id;
  s.member_name = who.name;
  s.recused = in.recused;
  s.comment = in.comment;
  if (Utf8Length(in.comment) > 1000) bad["comment"] = "too_long";
  if (in.recused) {
    if (in.comment.find_first_not_of(" \t\r\n") == std::string::npos) bad["comment"] = "required";
    if (!in.vote.empty() || !in.scores.empty()) bad["vote"] = "invalid_value";
  } else {
    for (const auto& k : criteria) {
      auto it = in.scores.find(k.code);
      if (it == in.scores.end())
        bad["scores." + k.code] = "required";
      else if (it->second < 0 || it->second > 10)
        bad["scores." + k.code] = "invalid_value";
    }
    for (const auto& [code, _] : in.scores)
      if (std::none_of(criteria.begin(), criteria.end(),
                       [&code = code](const Criterion& k) { return k.code == code; }))
        bad["scores." + code] = "unknown_field";
    if (in.vote != "approve" && in.vote != "reject" && in.vote != "more_info")
      bad["vote"] = in.vote.empty() ? "required" : "invalid_value";
    const auto& codes = pipeline::ReasonCodes(pipeline::Stage::kRejected, false);
    if (in.vote == "reject" && in.reason_codes.empty()) bad["reason_codes"] = "required";
    for (const auto& r : in.reason_codes)
      if (std::find(codes.begin(), codes.end(), r) == codes.end())
        bad["reason_codes"] = "invalid_value";
    if (in.vote == "more_info" && in.questions.find_first_not_of(" \t\r\n") == std::string::npos)
      bad["questions"] = "required";
    if (Utf8Length(in.questions) > 1000) bad["questions"] = "too_long";
    s.scores = in.scores;
    s.vote = in.vote;
    s.reason_codes = in.vote == "reject" ? in.reason_codes : std::vector<std::string>{};
    s.questions = in.vote == "more_info" ? in.questions : "";
    s.weighted = WeightedScore(criteria, s.scores);
  }
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  const int64_t now = clock_.NowMs();
  s.updated_at = now;
  store::ReplaceSheet(*c, round_id, project_id, who.user_id, s, now);
  s.category = category;
  audit::Diff d;
  d.Created("project_id", std::to_string(project_id))
      .Created("recused", s.recused ? "true" : "false")
      .Created("vote", s.vote)
      .Created("weighted", std::to_string(s.weighted));
  audit::Append(*c, now, actor,
                {"review.sheet", "review_round", std::to_string(round_id), d.Json()});
  tx.Commit();
  return s;
}

Result<Round> ReviewService::Close(const auth::Principal& who, int64_t round_id,
                                   const Actor& actor) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (auto st = LockOpenRound(*c, round_id); !st) return Fail(st.error());
  auto round = Load(*c, who, round_id);
  if (!round) return Fail(round.error());
  if (round->summary.status != "open")
    return Fail(ErrorCode::kInvalidArgument, "transition_not_allowed", "the round is closed",
                {{"status", "invalid_value"}});
  std::map<std::string, std::string> missing;
  for (const auto& it : round->items)
    if (!it.tally.quorum_met) missing[std::to_string(it.project_id)] = "quorum_not_met";
  if (!missing.empty())
    return Fail(ErrorCode::kInvalidArgument, "quorum_not_met",
                "some projects lack the quorum; the round stays open", std::move(missing));
  const int64_t now = clock_.NowMs();
  for (const auto& it : round->items) {
    const std::string outcome = *it.tally.outcome;
    json::array recommended;
    if (outcome == "approve")
      for (const auto& f : it.top_matches)
        recommended.push_back(
            json::object{{"unit_id", f.unit_id}, {"unit_name", f.unit_name}, {"score", f.score}});
    std::string questions;
    for (const auto& s : it.sheets)
      if (s.vote == "more_info" && !s.questions.empty())
        questions += (questions.empty() ? "" : "\n") + s.questions;
    const std::string reason_code =
        outcome == "reject" ? it.tally.top_reason.value_or("other") : "need_clarification";
    json::object decision{
        {"outcome", outcome},
        {"decided_at", now},
        {"recommended_parks", std::move(recommended)},
        {"reason_code", outcome == "approve" ? json::value(nullptr) : json::value(reason_code)},
        {"questions", outcome == "more_info" ? json::value(questions) : json::value(nullptr)},
        {"average_score",
         it.tally.average_score ? json::value(*it.tally.average_score) : json::value(nullptr)}};
    store::SetDecision(*c, round_id, it.project_id, outcome, json::serialize(decision), now);
    pipeline::TransitionInput in;
    in.to = outcome == "approve" ? "approved" : outcome == "reject" ? "rejected" : "lead";
    // Codes, never prose: the panel's approval has its own code; the round's title (or the
    // panel's questions) is the reason text the timeline shows beside it.
    in.reason_code = outcome == "approve" ? std::string(kPanelApproved) : reason_code;
    in.reason = TruncateChars(
        outcome == "more_info" && !questions.empty() ? questions : round->summary.title, 500);
    if (auto st = workflow_.TransitionWithin(*c, who, it.project_id, in, actor); !st)
      return Fail(st.error());
  }
  store::CloseRound(*c, round_id, now);
  audit::Diff d;
  d.Change("status", "open", "closed");
  audit::Append(*c, now, actor,
                {"review.round_close", "review_round", std::to_string(round_id), d.Json()});
  tx.Commit();
  return Load(*c, who, round_id);
}

}  // namespace zhaoshang::review
