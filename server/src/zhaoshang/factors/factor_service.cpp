#include "zhaoshang/factors/factor_service.hpp"

#include <algorithm>
#include <map>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/factors/factor_permissions.hpp"
#include "zhaoshang/factors/factors_store.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/project_service.hpp"

namespace zhaoshang::factors {
namespace {
constexpr const char* kRead = perm::kFactorRead;
constexpr const char* kHandle = perm::kFactorHandle;

Error RequestNotFound() { return NotFound("factor request not found"); }

// Who hears of a step: the new department, the coordinator, the requester.
void Tell(db::Connection& c, FactorAction action, const FactorRequest& r, int64_t now,
          int64_t actor) {
  const notify::Subject s{"factor_request", r.id, r.project_id, r.project_name};
  if (action == FactorAction::kPassOn)
    notify::Send(c, notify::HoldersIn(c, kHandle, r.department_id), notify::kFactorPassedOn, s, now,
                 actor);
  else if (action == FactorAction::kUnresolvable)
    notify::Send(c, notify::HoldersEverywhere(c, kHandle), notify::kFactorUnresolvable, s, now,
                 actor);
  else if (action == FactorAction::kResolve)
    notify::Send(c, {r.raised_by}, notify::kFactorResolved, s, now, actor);
}

bool InScope(const FactorRequest& r, const FactorScope& s) {
  switch (s.kind) {
    case FactorScope::Kind::kAll:
      return true;
    case FactorScope::Kind::kSelf:
      return r.raised_by == s.user_id;
    case FactorScope::Kind::kUnits:
      return std::find(s.units.begin(), s.units.end(), r.department_id) != s.units.end() ||
             std::find(s.units.begin(), s.units.end(), r.raised_unit_id) != s.units.end();
  }
  return false;
}

std::optional<std::string> Str(const std::optional<int64_t>& v) {
  return v ? std::optional(std::to_string(*v)) : std::nullopt;
}
}  // namespace

std::vector<TypeUnit> FactorService::Types() {
  auto c = db_.Acquire();
  std::map<std::string, TypeUnit> mapped;
  for (auto& t : store::TypeUnits(*c)) mapped.emplace(t.type, t);
  std::vector<TypeUnit> out;
  for (const auto& t : FactorTypes()) {
    auto it = mapped.find(std::string(t.code));
    out.push_back(it != mapped.end() ? it->second
                                     : TypeUnit{std::string(t.code), std::nullopt, ""});
  }
  return out;
}

Status FactorService::SetTypeUnit(const Actor& a, const std::string& type,
                                  std::optional<int64_t> unit_id) {
  if (!FindFactorType(type)) return Fail(NotFound("no such factor type"));
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (unit_id && !org::store::GetUnit(*c, *unit_id))
    return Fail(InvalidArgument({{"unit_id", "not_found"}}));
  auto before = store::UnitForType(*c, type);
  if (unit_id)
    store::PutTypeUnit(*c, type, *unit_id, a.user_id ? std::optional(a.user_id) : std::nullopt,
                       now);
  else
    store::DeleteTypeUnit(*c, type);
  audit::Diff d;
  d.Change("unit_id", Str(before), Str(unit_id));
  audit::Append(*c, now, a, {"factor.type_unit", "factor_type", type, d.Json()});
  tx.Commit();
  return {};
}

Result<FactorScope> FactorService::ScopeOf(db::Connection& c, const auth::Principal& who) {
  auto s = org::ResolveScope(who.roles, kRead);
  if (!s) return Fail(Forbidden());
  FactorScope out;
  out.user_id = who.user_id;
  switch (*s) {
    case org::Scope::kAll:
      out.kind = FactorScope::Kind::kAll;
      break;
    case org::Scope::kSelf:
      out.kind = FactorScope::Kind::kSelf;
      break;
    case org::Scope::kUnit:
      out.kind = FactorScope::Kind::kUnits;
      out.units = {who.unit_id};
      break;
    case org::Scope::kSubtree: {
      out.kind = FactorScope::Kind::kUnits;
      auto sub = org::store::Subtree(c, who.unit_id);
      out.units.assign(sub.begin(), sub.end());
      break;
    }
  }
  return out;
}

Party FactorService::PartyOf(const auth::Principal& who, const FactorRequest& r) const {
  Party p;
  auto s = org::ResolveScope(who.roles, kHandle);
  p.coordinator = s == org::Scope::kAll;
  p.handler = p.coordinator || (s && who.unit_id == r.department_id);
  p.requester = r.raised_by == who.user_id;
  return p;
}

void FactorService::WithCapabilities(const auth::Principal& who, FactorRequest& r) const {
  r.capabilities = CapabilitiesOf(r.status, PartyOf(who, r));
}

Result<FactorDetail> FactorService::Raise(const auth::Principal& who, int64_t project_id,
                                          const RaiseInput& in, const Actor& a) {
  auto view = projects_.Get(who, project_id);
  if (!view) return Fail(view.error());
  if (!view->capabilities.edit)
    return Fail(Forbidden("only the project's responsible party raises factor requests"));
  if (!MayRaiseInStage(view->project.stage))
    return Fail(ErrorCode::kConflict, "stage_not_allowed",
                "factor requests are raised from negotiation, signing, construction or production",
                {});
  std::map<std::string, std::string> bad;
  const FactorType* type = FindFactorType(in.type);
  if (!type) bad["type"] = "invalid_value";
  if (in.quantity && type && type->quantity_unit.empty()) bad["quantity"] = "invalid_value";
  if (in.quantity && (*in.quantity < 0 || *in.quantity > kMaxQuantity))
    bad["quantity"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  std::optional<int64_t> dept =
      in.department_id ? in.department_id : store::UnitForType(*c, in.type);
  if (!dept)
    return Fail(InvalidArgument({{"department_id", "required"}},
                                "no department handles this type yet: choose one"));
  if (!org::store::GetUnit(*c, *dept))
    return Fail(InvalidArgument({{"department_id", "not_found"}}));
  FactorRequest r;
  r.project_id = project_id;
  r.type = in.type;
  r.need = in.need;
  r.quantity = in.quantity;
  r.department_id = *dept;
  r.status = "open";
  r.raised_by = who.user_id;
  r.raised_unit_id = who.unit_id;
  r.raised_at = now;
  r.answer_deadline = clocks_.Calendar(*c)->AddWorkingDays(
      LocalDateOfMs(now), clocks::ClockService::DaysFor(*c, clocks::kFactorAnswer));
  r.id = store::Insert(*c, r);
  store::AddEvent(*c,
                  {0, r.id, now, who.user_id, "", "raised", in.need, std::nullopt, *dept, "", ""});
  audit::Diff d;
  d.Created("project_id", std::to_string(project_id))
      .Created("type", in.type)
      .Created("department_id", std::to_string(*dept));
  audit::Append(*c, now, a, {"factor.raise", "factor_request", std::to_string(r.id), d.Json()});
  notify::Send(*c, notify::HoldersIn(*c, kHandle, *dept), notify::kFactorRaised,
               {"factor_request", r.id, project_id, view->project.name}, now, who.user_id);
  tx.Commit();
  return Get(who, r.id);
}

Result<FactorDetail> FactorService::Get(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto r = store::Get(*c, id);
  if (!r) return Fail(RequestNotFound());
  auto scope = ScopeOf(*c, who);
  // Whoever may read the project reads its requests too.
  if (!scope || !InScope(*r, *scope)) {
    if (!projects_.Get(who, r->project_id)) return Fail(RequestNotFound());
  }
  WithCapabilities(who, *r);
  return FactorDetail{std::move(*r), store::Events(*c, id)};
}

Result<std::vector<FactorRequest>> FactorService::List(const auth::Principal& who,
                                                       const FactorQuery& q, int64_t* total) {
  auto c = db_.Acquire();
  auto scope = ScopeOf(*c, who);
  if (!scope) return Fail(scope.error());
  auto rows = store::List(*c, *scope, q, total);
  for (auto& r : rows) WithCapabilities(who, r);
  return rows;
}

Result<std::vector<FactorRequest>> FactorService::OfProject(const auth::Principal& who,
                                                            int64_t project_id) {
  auto view = projects_.Get(who, project_id);
  if (!view) return Fail(view.error());
  FactorQuery q;
  q.project_id = project_id;
  q.limit = 1000;
  auto c = db_.Acquire();
  auto rows = store::List(*c, FactorScope{FactorScope::Kind::kAll, {}, 0}, q, nullptr);
  for (auto& r : rows) WithCapabilities(who, r);
  return rows;
}

Result<FactorDetail> FactorService::Act(const auth::Principal& who, int64_t id, FactorAction action,
                                        const ActInput& in, const Actor& a) {
  const int64_t now = clock_.NowMs();
  const std::string today = LocalDateOfMs(now);
  {
    auto c = db_.Acquire();
    db::Transaction tx(*c, true);
    auto r = store::Get(*c, id);
    if (!r) return Fail(RequestNotFound());
    auto scope = ScopeOf(*c, who);
    const Party party = PartyOf(who, *r);
    if ((!scope || !InScope(*r, *scope)) && !party.handler && !party.requester)
      return Fail(RequestNotFound());
    const FactorRule* rule = RuleFor(action, r->status, party);
    if (!rule) {
      bool some_status = false;
      for (const auto& x : FactorRules())
        if (x.action == action && RuleFor(action, x.from.front(), party)) some_status = true;
      if (!some_status) return Fail(Forbidden());
      return Fail(ErrorCode::kConflict, "invalid_status",
                  "the request is " + r->status + ": this step does not apply", {});
    }
    if (r->version != in.version) return Fail(VersionConflict());
    std::map<std::string, std::string> bad;
    FactorEvent e{
        0,       id,           now,          who.user_id, "", std::string(ActionName(action)),
        in.note, std::nullopt, std::nullopt, "",          ""};
    audit::Diff d;
    d.Change("status", r->status, std::string(rule->to));
    const auto& calendar = *clocks_.Calendar(*c);
    switch (action) {
      case FactorAction::kAccept:
        r->accepted_at = now;
        r->resolve_deadline = calendar.AddWorkingDays(
            today, clocks::ClockService::DaysFor(*c, clocks::kFactorResolve));
        break;
      case FactorAction::kPassOn:
        if (!in.department_id)
          bad["department_id"] = "required";
        else if (*in.department_id == r->department_id)
          bad["department_id"] = "invalid_value";
        else if (!org::store::GetUnit(*c, *in.department_id))
          bad["department_id"] = "not_found";
        if (in.note.empty()) bad["note"] = "required";
        if (bad.empty()) {
          e.from_unit_id = r->department_id;
          e.to_unit_id = in.department_id;
          d.Change("department_id", std::to_string(r->department_id),
                   std::to_string(*in.department_id));
          r->department_id = *in.department_id;
          r->answer_deadline = calendar.AddWorkingDays(
              today, clocks::ClockService::DaysFor(*c, clocks::kFactorAnswer));
          r->resolve_deadline.reset();
          r->accepted_at.reset();
          r->reason_code.reset();
          r->reason.clear();
        }
        break;
      case FactorAction::kProgress:
        if (in.note.empty()) bad["note"] = "required";
        break;
      case FactorAction::kResolve:
        if (in.outcome.empty()) bad["outcome"] = "required";
        r->outcome = in.outcome;
        r->closed_at = now;
        e.note = in.outcome;
        d.Change("outcome", std::nullopt, in.outcome);
        break;
      case FactorAction::kUnresolvable: {
        const auto& codes = UnresolvableReasonCodes();
        if (!in.reason_code)
          bad["reason_code"] = "required";
        else if (std::find(codes.begin(), codes.end(), *in.reason_code) == codes.end())
          bad["reason_code"] = "invalid_value";
        r->reason_code = in.reason_code;
        r->reason = in.note;
        e.note = in.reason_code.value_or("") + (in.note.empty() ? "" : ": " + in.note);
        d.Change("reason_code", std::nullopt, in.reason_code);
        break;
      }
      case FactorAction::kWithdraw:
        if (in.note.empty()) bad["note"] = "required";
        r->reason = in.note;
        r->closed_at = now;
        break;
    }
    if (!bad.empty()) return Fail(InvalidArgument(bad));
    r->status = std::string(rule->to);
    if (!store::Update(*c, *r)) return Fail(VersionConflict());
    store::AddEvent(*c, e);
    Tell(*c, action, *r, now, who.user_id);
    audit::Append(*c, now, a,
                  {"factor." + std::string(ActionName(action)), "factor_request",
                   std::to_string(id), d.Json()});
    tx.Commit();
  }
  // The result of the step, even when it took the request out of the caller's sight (passed on).
  auto c = db_.Acquire();
  auto r = store::Get(*c, id);
  if (!r) return Fail(RequestNotFound());
  WithCapabilities(who, *r);
  return FactorDetail{std::move(*r), store::Events(*c, id)};
}

Result<std::vector<FactorStat>> FactorService::Stats(const auth::Principal& who) {
  auto c = db_.Acquire();
  auto scope = ScopeOf(*c, who);
  if (!scope) return Fail(scope.error());
  const auto calendar = clocks_.Calendar(*c);
  const std::string today = LocalDateOfMs(clock_.NowMs());
  std::map<std::pair<int64_t, std::string>, FactorStat> by;
  std::map<std::pair<int64_t, std::string>, std::vector<int>> days;
  for (const auto& r : store::All(*c)) {
    if (r.status == "withdrawn" || !InScope(r, *scope)) continue;
    const auto key = std::make_pair(r.department_id, r.type);
    FactorStat& s = by[key];
    s.department_id = r.department_id;
    s.department_name = r.department_name;
    s.type = r.type;
    ++s.total;
    if (r.status == "open" || r.status == "accepted" || r.status == "unresolvable") ++s.open;
    if ((r.status == "open" && r.answer_deadline < today) ||
        (r.status == "accepted" && r.resolve_deadline && *r.resolve_deadline < today))
      ++s.overdue;
    if (r.status == "resolved" && r.closed_at) {
      ++s.resolved;
      const std::string closed = LocalDateOfMs(*r.closed_at);
      if (r.resolve_deadline && closed <= *r.resolve_deadline) ++s.resolved_on_time;
      days[key].push_back(calendar->WorkingDaysBetween(LocalDateOfMs(r.raised_at), closed));
    }
  }
  std::vector<FactorStat> out;
  for (auto& [key, s] : by) {
    s.median_days = Median(days[key]);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace zhaoshang::factors
