#include "zhaoshang/supervision/supervision_service.hpp"

#include <algorithm>
#include <map>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/factors/factor_service.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/supervision/supervision_permissions.hpp"
#include "zhaoshang/supervision/supervision_store.hpp"

namespace zhaoshang::supervision {
namespace {
constexpr const char* kRead = perm::kSupervisionRead;
constexpr const char* kReply = perm::kSupervisionReply;
constexpr const char* kIssue = perm::kSupervisionIssue;

Error ItemNotFound() { return NotFound("supervision item not found"); }

bool Visible(const Item& i, const ItemScope& s) {
  return s.all || i.issued_by == s.user_id ||
         std::find(s.units.begin(), s.units.end(), i.unit_id) != s.units.end();
}
}  // namespace

Result<ItemScope> SupervisionService::ScopeOf(db::Connection& c, const auth::Principal& who) {
  auto s = org::ResolveScope(who.roles, kRead);
  if (!s) return Fail(Forbidden());
  ItemScope out;
  out.user_id = who.user_id;
  if (*s == org::Scope::kAll) {
    out.all = true;
  } else if (*s == org::Scope::kSubtree) {
    auto sub = org::store::Subtree(c, who.unit_id);
    out.units.assign(sub.begin(), sub.end());
  } else {
    out.units = {who.unit_id};
  }
  return out;
}

Party SupervisionService::PartyOf(db::Connection& c, const auth::Principal& who, const Item& i) {
  Party p;
  p.issuer = i.issued_by == who.user_id || org::ResolveScope(who.roles, kIssue) == org::Scope::kAll;
  if (auto s = org::ResolveScope(who.roles, kReply)) {
    if (*s == org::Scope::kAll)
      p.addressee = true;
    else if (*s == org::Scope::kSubtree)
      p.addressee = org::store::Subtree(c, who.unit_id).count(i.unit_id) > 0;
    else
      p.addressee = who.unit_id == i.unit_id;
  }
  return p;
}

Result<ItemDetail> SupervisionService::Load(db::Connection& c, const auth::Principal& who,
                                            int64_t id) {
  auto i = store::Get(c, id);
  if (!i) return Fail(ItemNotFound());
  auto scope = ScopeOf(c, who);
  if (!scope) return Fail(scope.error());
  if (!Visible(*i, *scope)) return Fail(ItemNotFound());
  i->capabilities = CapabilitiesOf(i->status, PartyOf(c, who, *i));
  return ItemDetail{std::move(*i), store::Events(c, id)};
}

Result<ItemDetail> SupervisionService::Issue(const auth::Principal& who, const IssueInput& in,
                                             const Actor& a) {
  std::map<std::string, std::string> bad;
  const auto& subjects = SubjectTypes();
  if (std::find(subjects.begin(), subjects.end(), in.subject_type) == subjects.end())
    bad["subject_type"] = "invalid_value";
  const auto& priorities = Priorities();
  if (std::find(priorities.begin(), priorities.end(), in.priority) == priorities.end())
    bad["priority"] = "invalid_value";
  const int64_t now = clock_.NowMs();
  const std::string today = LocalDateOfMs(now);
  if (in.deadline && (!IsIsoDate(*in.deadline) || *in.deadline < today))
    bad["deadline"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  // The subject, read as the issuer sees it; it names the unit that must reply.
  Item item;
  item.subject_type = in.subject_type;
  item.subject_id = in.subject_id;
  std::optional<int64_t> unit = in.unit_id;
  if (in.subject_type == "project") {
    auto v = projects_.Get(who, in.subject_id);
    if (!v) return Fail(InvalidArgument({{"subject_id", "not_found"}}));
    item.project_id = in.subject_id;
    if (!unit) unit = v->project.responsible_unit_id;
  } else if (in.subject_type == "factor_request") {
    auto r = factors_.Get(who, in.subject_id);
    if (!r) return Fail(InvalidArgument({{"subject_id", "not_found"}}));
    item.project_id = r->request.project_id;
    if (!unit) unit = r->request.department_id;
  } else if (!unit) {
    unit = in.subject_id;
  }
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (in.subject_type == "unit" && !org::store::GetUnit(*c, in.subject_id))
    return Fail(InvalidArgument({{"subject_id", "not_found"}}));
  if (!org::store::GetUnit(*c, *unit)) return Fail(InvalidArgument({{"unit_id", "not_found"}}));
  item.unit_id = *unit;
  item.title = in.title;
  item.instruction = in.instruction;
  item.leader_instruction = in.leader_instruction;
  item.priority = in.priority;
  item.deadline = in.deadline.value_or(clocks_.Calendar(*c)->AddWorkingDays(
      today, clocks::ClockService::DaysFor(*c, clocks::kSupervisionReply)));
  item.status = "open";
  item.issued_by = who.user_id;
  item.issued_at = now;
  item.id = store::Insert(*c, item);
  store::AddEvent(*c, {0, item.id, now, who.user_id, "", "issued", in.instruction});
  audit::Diff d;
  d.Created("subject", in.subject_type + ":" + std::to_string(in.subject_id))
      .Created("unit_id", std::to_string(item.unit_id))
      .Created("deadline", item.deadline)
      .Created("priority", in.priority);
  audit::Append(*c, now, a,
                {"supervision.issue", "supervision_item", std::to_string(item.id), d.Json()});
  notify::Send(*c, notify::HoldersIn(*c, kReply, item.unit_id), notify::kSupervisionIssued,
               {"supervision_item", item.id, item.project_id, item.title}, now, who.user_id);
  tx.Commit();
  auto out = Load(*c, who, item.id);
  return out;
}

Result<std::vector<store::UnitCount>> SupervisionService::ByUnit(const auth::Principal& who) {
  auto c = db_.Acquire();
  auto scope = ScopeOf(*c, who);
  if (!scope) return Fail(scope.error());
  return store::CountByUnit(*c, *scope, clocks_.Today());
}

Result<ItemDetail> SupervisionService::Get(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  return Load(*c, who, id);
}

Result<std::vector<Item>> SupervisionService::List(const auth::Principal& who, const ItemQuery& q,
                                                   int64_t* total) {
  auto c = db_.Acquire();
  auto scope = ScopeOf(*c, who);
  if (!scope) return Fail(scope.error());
  auto rows = store::List(*c, *scope, q, total);
  for (auto& i : rows) i.capabilities = CapabilitiesOf(i.status, PartyOf(*c, who, i));
  return rows;
}

Result<ItemDetail> SupervisionService::Act(const auth::Principal& who, int64_t id, Step step,
                                           int64_t version, const std::string& note, const Actor& a,
                                           const std::optional<std::string>& deadline) {
  const int64_t now = clock_.NowMs();
  if (deadline && step != Step::kReopen)
    return Fail(InvalidArgument({{"deadline", "unknown_field"}}));
  if (deadline && (!IsIsoDate(*deadline) || *deadline < LocalDateOfMs(now)))
    return Fail(InvalidArgument({{"deadline", "invalid_value"}},
                                "the new deadline is a date from today on"));
  auto c = db_.Acquire();
  {
    db::Transaction tx(*c, true);
    auto loaded = Load(*c, who, id);
    if (!loaded) return Fail(loaded.error());
    Item i = loaded->item;
    const Party party = PartyOf(*c, who, i);
    const StepRule* rule = RuleFor(step, i.status, party);
    if (!rule) {
      bool ever = false;
      for (const auto& r : StepRules())
        if (r.step == step && RuleFor(step, r.from.front(), party)) ever = true;
      if (!ever) return Fail(Forbidden());
      return Fail(ErrorCode::kConflict, "invalid_status",
                  "the item is " + i.status + ": this step does not apply", {});
    }
    if (i.version != version) return Fail(VersionConflict());
    if ((step == Step::kReply || step == Step::kReopen) && note.empty())
      return Fail(InvalidArgument({{"note", "required"}}));
    audit::Diff d;
    d.Change("status", i.status, std::string(rule->to));
    i.status = std::string(rule->to);
    if (step == Step::kClose) i.closed_at = now;
    if (step == Step::kReopen) {
      i.closed_at.reset();
      const std::string next =
          deadline ? *deadline
                   : clocks_.Calendar(*c)->AddWorkingDays(
                         LocalDateOfMs(now),
                         clocks::ClockService::DaysFor(*c, clocks::kSupervisionReply));
      d.Change("deadline", i.deadline, next);
      i.deadline = next;
    }
    if (!store::Update(*c, i)) return Fail(VersionConflict());
    store::AddEvent(*c, {0, id, now, who.user_id, "", std::string(StepEvent(step)), note});
    audit::Append(*c, now, a,
                  {"supervision." + std::string(StepEvent(step)), "supervision_item",
                   std::to_string(id), d.Json()});
    const notify::Subject s{"supervision_item", id, i.project_id, i.title};
    if (step == Step::kReply)
      notify::Send(*c, {i.issued_by}, notify::kSupervisionReplied, s, now, who.user_id);
    else if (step == Step::kReopen)
      notify::Send(*c, notify::HoldersIn(*c, kReply, i.unit_id), notify::kSupervisionReopened, s,
                   now, who.user_id);
    tx.Commit();
  }
  return Load(*c, who, id);
}

}  // namespace zhaoshang::supervision
