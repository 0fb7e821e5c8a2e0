#include "zhaoshang/training/session_service.hpp"

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/db/settings.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/training/training_permissions.hpp"
#include "zhaoshang/training/training_rules.hpp"
#include "zhaoshang/training/training_store.hpp"

namespace zhaoshang::training {

namespace {
Error SessionNotFound() { return NotFound("session not found"); }

Error OutOfScope() {
  return Error{
      ErrorCode::kForbidden, "forbidden", "you keep the sessions of your own unit only", {}};
}

Error Refused(const std::string& code, std::string message) {
  return Error{ErrorCode::kConflict, code, std::move(message), {}};
}

std::string Quotas(const std::vector<Quota>& qs) {
  std::string out;
  for (const auto& q : qs)
    out += (out.empty() ? "" : ",") + std::to_string(q.unit_id) + ":" + std::to_string(q.seats);
  return out;
}

std::map<std::string, std::string> AuditFields(const Session& s) {
  return {{"course_id", std::to_string(s.course_id)},
          {"starts_at", std::to_string(s.starts_at)},
          {"ends_at", std::to_string(s.ends_at)},
          {"place", s.place},
          {"trainer", s.trainer},
          {"capacity", std::to_string(s.capacity)},
          {"quotas", Quotas(s.quotas)}};
}

void AuditSeat(db::Connection& c, int64_t now, const Actor& a, const char* action,
               int64_t session_id, int64_t user_id, const std::string& extra = "") {
  audit::Diff d;
  d.Created("user_id", std::to_string(user_id));
  if (!extra.empty()) d.Created("via", extra);
  audit::Append(c, now, a, {action, "training_session", std::to_string(session_id), d.Json()});
}
}  // namespace

std::string SessionService::Key(db::Connection& c) {
  return db::GetSetting(c, "training.sign_in_key").value_or("");
}

bool SessionService::MayManage(db::Connection& c, const auth::Principal& who, const Session& s) {
  return org::store::UnitInScope(c, who.roles, who.unit_id, perm::kTrainingManage, s.owner_unit_id);
}

std::pair<int64_t, std::string> SessionService::Seat(db::Connection& c, const Session& s,
                                                     int64_t unit_id) {
  // The unit, then its ancestors, nearest first.
  std::vector<int64_t> chain;
  for (auto u = org::store::GetUnit(c, unit_id); u;
       u = u->parent_id ? org::store::GetUnit(c, *u->parent_id) : std::nullopt) {
    chain.push_back(u->id);
    if (chain.size() > 32) break;  // a broken tree must not loop
  }
  const int64_t seat = SeatUnit(s.quotas, chain);
  int of_unit = 0;
  for (const auto& q : s.quotas)
    if (q.unit_id == seat) of_unit = q.enrolled;
  return {seat, SeatRefusal(s, seat, s.enrolled, of_unit)};
}

SessionView SessionService::ViewOf(db::Connection& c, const auth::Principal& who, Session s,
                                   bool full) {
  SessionView v;
  const int64_t now = clock_.NowMs();
  v.state = std::string(SessionState(s.starts_at, s.ends_at, now));
  v.mine = store::GetEnrolment(c, s.id, who.user_id);
  v.manage = MayManage(c, who, s);
  v.may_cancel = v.mine && v.state == "upcoming";
  v.may_enrol = !v.mine && v.state != "ended" && Seat(c, s, who.unit_id).second.empty();
  if (full && v.manage) v.enrolments = store::Enrolments(c, s.id);
  v.session = std::move(s);
  return v;
}

std::vector<SessionView> SessionService::List(const auth::Principal& who, int64_t course_id,
                                              const std::string& when) {
  auto c = db_.Acquire();
  std::vector<SessionView> out;
  for (auto& s : store::ListSessions(*c, course_id, when, clock_.NowMs()))
    out.push_back(ViewOf(*c, who, std::move(s), false));
  return out;
}

Result<SessionView> SessionService::Get(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto s = store::GetSession(*c, id);
  if (!s) return Fail(SessionNotFound());
  return ViewOf(*c, who, std::move(*s), true);
}

Result<SessionView> SessionService::Save(const auth::Principal& who, int64_t course_id, int64_t id,
                                         Session in, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  std::optional<Session> before;
  if (id > 0) {
    before = store::GetSession(*c, id);
    if (!before) return Fail(SessionNotFound());
    course_id = before->course_id;
  }
  auto course = store::GetCourse(*c, course_id);
  if (!course) return Fail(NotFound("course not found"));
  in.id = id;
  in.course_id = course_id;
  in.owner_unit_id = course->owner_unit_id;
  if (!MayManage(*c, who, in)) return Fail(OutOfScope());
  auto bad = CheckSession(in, before ? before->enrolled : 0);
  for (size_t i = 0; i < in.quotas.size(); ++i)
    if (!org::store::GetUnit(*c, in.quotas[i].unit_id))
      bad["quotas." + std::to_string(i) + ".unit_id"] = "not_found";
  if (before)  // a quota may not drop below the seats its unit has taken
    for (size_t i = 0; i < in.quotas.size(); ++i)
      for (const auto& q : before->quotas)
        if (q.unit_id == in.quotas[i].unit_id && in.quotas[i].seats < q.enrolled)
          bad["quotas." + std::to_string(i) + ".seats"] = "below_enrolled";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  audit::Diff d;
  const auto now_fields = AuditFields(in);
  if (before) {
    const auto was = AuditFields(*before);
    for (const auto& [k, v] : now_fields) d.Change(k, was.at(k), v);
    if (d.empty()) return ViewOf(*c, who, std::move(*before), true);
    store::UpdateSession(*c, in, now);
  } else {
    for (const auto& [k, v] : now_fields) d.Created(k, v);
    id = store::InsertSession(*c, in, who.user_id, now);
  }
  audit::Append(*c, now, a,
                {before ? "training.session_update" : "training.session_create", "training_session",
                 std::to_string(id), d.Json()});
  tx.Commit();
  return ViewOf(*c, who, *store::GetSession(*c, id), true);
}

Result<SessionView> SessionService::Create(const auth::Principal& who, int64_t course_id,
                                           Session in, const Actor& a) {
  return Save(who, course_id, 0, std::move(in), a);
}

Result<SessionView> SessionService::Update(const auth::Principal& who, int64_t id, Session in,
                                           const Actor& a) {
  return Save(who, 0, id, std::move(in), a);
}

Result<SessionView> SessionService::Enrol(const auth::Principal& who, int64_t id, int64_t user_id,
                                          const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto s = store::GetSession(*c, id);
  if (!s) return Fail(SessionNotFound());
  int64_t unit = who.unit_id;
  if (user_id != 0 && user_id != who.user_id) {
    if (!MayManage(*c, who, *s)) return Fail(Forbidden("you enrol yourself only"));
    auto u = org::store::GetUser(*c, user_id);
    if (!u || !u->active) return Fail(InvalidArgument({{"user_id", "not_found"}}));
    unit = u->unit_id;
  } else {
    user_id = who.user_id;
  }
  if (store::GetEnrolment(*c, id, user_id)) return ViewOf(*c, who, std::move(*s), true);
  if (SessionState(s->starts_at, s->ends_at, now) == "ended")
    return Fail(Refused("session_ended", "the session has ended"));
  auto [seat, why] = Seat(*c, *s, unit);
  if (!why.empty()) return Fail(Refused(why, "no seat is free"));
  Enrolment e;
  e.session_id = id;
  e.user_id = user_id;
  e.seat_unit_id = seat;
  e.enrolled_at = now;
  e.enrolled_by = who.user_id;
  store::InsertEnrolment(*c, e);
  AuditSeat(*c, now, a, "training.enrol", id, user_id);
  tx.Commit();
  return ViewOf(*c, who, *store::GetSession(*c, id), true);
}

Result<SessionView> SessionService::Cancel(const auth::Principal& who, int64_t id, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto s = store::GetSession(*c, id);
  if (!s) return Fail(SessionNotFound());
  if (!store::GetEnrolment(*c, id, who.user_id)) return ViewOf(*c, who, std::move(*s), true);
  if (SessionState(s->starts_at, s->ends_at, now) != "upcoming")
    return Fail(Refused("session_started", "the session has started"));
  store::DeleteEnrolment(*c, id, who.user_id);
  AuditSeat(*c, now, a, "training.unenrol", id, who.user_id);
  tx.Commit();
  return ViewOf(*c, who, *store::GetSession(*c, id), true);
}

Result<SignInCodeView> SessionService::SignInCode(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto s = store::GetSession(*c, id);
  if (!s) return Fail(SessionNotFound());
  if (!MayManage(*c, who, *s)) return Fail(OutOfScope());
  return SignInCodeView{training::SignInCode(Key(*c), id, s->starts_at, s->ends_at),
                        s->starts_at - kSignInEarlyMs, s->ends_at};
}

Result<SessionView> SessionService::SignIn(const auth::Principal& who, int64_t id,
                                           const std::string& code, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto s = store::GetSession(*c, id);
  if (!s) return Fail(SessionNotFound());
  const std::string why = SignInRefusal(Key(*c), code, id, s->starts_at, s->ends_at, now);
  if (why == "invalid_code") return Fail(InvalidArgument({{"code", why}}));
  if (!why.empty()) return Fail(Refused(why, "the sign-in is closed"));
  auto e = store::GetEnrolment(*c, id, who.user_id);
  if (e && e->attended_at) return ViewOf(*c, who, std::move(*s), true);  // twice: as it was
  if (!e) {  // a walk-in takes a free seat
    auto [seat, refusal] = Seat(*c, *s, who.unit_id);
    if (!refusal.empty()) return Fail(Refused(refusal, "no seat is free"));
    store::InsertEnrolment(*c, {id, who.user_id, seat, "", "", now, who.user_id, now, "qr"});
  } else {
    store::SetAttended(*c, id, who.user_id, now, "qr");
  }
  AuditSeat(*c, now, a, "training.sign_in", id, who.user_id, "qr");
  tx.Commit();
  return ViewOf(*c, who, *store::GetSession(*c, id), true);
}

Result<SessionView> SessionService::MarkAttendance(const auth::Principal& who, int64_t id,
                                                   int64_t user_id, bool attended, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto s = store::GetSession(*c, id);
  if (!s) return Fail(SessionNotFound());
  if (!MayManage(*c, who, *s)) return Fail(OutOfScope());
  auto e = store::GetEnrolment(*c, id, user_id);
  if (!e) return Fail(InvalidArgument({{"user_id", "not_enrolled"}}));
  if (e->attended_at.has_value() != attended) {
    store::SetAttended(*c, id, user_id, attended ? std::optional<int64_t>(now) : std::nullopt,
                       attended ? std::optional<std::string>("manual") : std::nullopt);
    audit::Diff d;
    d.Created("user_id", std::to_string(user_id));
    d.Change("attended", attended ? "false" : "true", attended ? "true" : "false");
    audit::Append(*c, now, a,
                  {"training.attendance", "training_session", std::to_string(id), d.Json()});
  }
  tx.Commit();
  return ViewOf(*c, who, *store::GetSession(*c, id), true);
}

}  // namespace zhaoshang::training
