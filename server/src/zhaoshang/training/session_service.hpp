#pragma once
// Training sessions (培训班次): date, place, trainer, capacity and seats per unit; enrolment
// (oneself, or anyone by a manager); attendance by the session's QR sign-in code — valid only
// from half an hour before the start to the end — or marked by hand. Audited. No SQL text, no
// HTTP.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/training/training_types.hpp"

namespace zhaoshang::training {

struct SessionView {
  Session session;
  std::string state;  // "upcoming", "running", "ended"
  std::optional<Enrolment> mine;
  bool may_enrol = false, may_cancel = false, manage = false;
  std::vector<Enrolment> enrolments;  // Get, for managers
};

struct SignInCodeView {
  std::string code;
  int64_t valid_from = 0, valid_to = 0;
};

class SessionService {
 public:
  SessionService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<SessionView> List(const auth::Principal& who, int64_t course_id,
                                const std::string& when);
  Result<SessionView> Get(const auth::Principal& who, int64_t id);
  // Errors: invalid_argument (CheckSession, quotas.N.unit_id=not_found), forbidden (the course
  // is out of the caller's training.manage scope), not_found (course).
  Result<SessionView> Create(const auth::Principal& who, int64_t course_id, Session in,
                             const Actor& a);
  Result<SessionView> Update(const auth::Principal& who, int64_t id, Session in, const Actor& a);
  // user_id 0: the caller. Conflict: session_full, quota_full, session_ended.
  Result<SessionView> Enrol(const auth::Principal& who, int64_t id, int64_t user_id,
                            const Actor& a);
  // Conflict: session_started.
  Result<SessionView> Cancel(const auth::Principal& who, int64_t id, const Actor& a);
  Result<SignInCodeView> SignInCode(const auth::Principal& who, int64_t id);
  // invalid_argument code=invalid_code; conflict session_not_started, session_ended and the
  // seat refusals for one not enrolled.
  Result<SessionView> SignIn(const auth::Principal& who, int64_t id, const std::string& code,
                             const Actor& a);
  Result<SessionView> MarkAttendance(const auth::Principal& who, int64_t id, int64_t user_id,
                                     bool attended, const Actor& a);

 private:
  bool MayManage(db::Connection& c, const auth::Principal& who, const Session& s);
  SessionView ViewOf(db::Connection& c, const auth::Principal& who, Session s, bool full);
  // The seat a user would take, and why not ("" when free).
  std::pair<int64_t, std::string> Seat(db::Connection& c, const Session& s, int64_t unit_id);
  Result<SessionView> Save(const auth::Principal& who, int64_t course_id, int64_t id, Session in,
                           const Actor& a);
  std::string Key(db::Connection& c);

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::training
