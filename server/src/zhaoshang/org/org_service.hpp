#pragma once
// Rules for org units and accounts: validation, role separation, data scope, audit.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/org/org_types.hpp"

namespace zhaoshang::org {

struct NewUnit {
  std::optional<int64_t> parent_id;
  std::string name, kind, code;
};
struct UnitPatch {
  std::optional<std::string> name, kind;
  int64_t version = 0;
};
struct NewUser {
  std::string login, name, password;
  int64_t unit_id = 0;
  std::vector<std::string> roles;  // only the CLI and demo loader set roles at creation
  // The password was chosen by someone else (an administrator in the web): the person must
  // choose their own at the first login, as after a reset (also for accounts the command line
  // creates, except the administrator its operator creates for themselves). The demo accounts
  // leave it off.
  bool must_change_password = false;
};
struct UserPatch {
  std::optional<std::string> name;
  std::optional<int64_t> unit_id;
  std::optional<bool> active;
  int64_t version = 0;
};
template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

// ^[a-z0-9][a-z0-9._-]{1,31}$
bool IsValidLogin(const std::string& login);

// Fails with weak_password, fields.password = "reused" when `password` is one of the
// account's last auth::kPasswordHistory passwords.
Status CheckNotReused(db::Connection& c, int64_t user_id, const std::string& password);

// Where an account change comes from: the web API, or the command line on the server
// (break-glass: the only way to reset or edit an administrator's account).
enum class Channel { kApi, kCommandLine };

class OrgService {
 public:
  OrgService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<Unit> ListUnits();
  Result<Unit> CreateUnit(const Actor& actor, const NewUnit& in);
  Result<Unit> UpdateUnit(const Actor& actor, int64_t id, const UnitPatch& in);

  // Users visible to the caller under their user.read scope.
  Result<Page<User>> ListUsers(const auth::Principal& caller, UserFilter f);
  Result<User> CreateUser(const Actor& actor, const NewUser& in);
  Result<User> UpdateUser(const Actor& actor, int64_t id, const UserPatch& in,
                          Channel channel = Channel::kApi);
  Result<User> SetRoles(const Actor& actor, int64_t id, const std::vector<std::string>& roles,
                        int64_t version);
  // The account must choose a new password at its next login; its sessions end.
  Status ResetPassword(const Actor& actor, int64_t id, const std::string& password,
                       Channel channel = Channel::kApi);
  std::optional<User> GetUser(int64_t id);
  int64_t CountUsersInUnit(int64_t unit_id);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::org
