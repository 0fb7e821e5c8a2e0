#include "zhaoshang/org/org_service.hpp"

#include <algorithm>

#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/auth/auth_store.hpp"
#include "zhaoshang/auth/auth_types.hpp"
#include "zhaoshang/auth/password.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang::org {

bool IsValidLogin(const std::string& login) {
  if (login.size() < 2 || login.size() > 32) return false;
  for (size_t i = 0; i < login.size(); ++i) {
    char c = login[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

Status CheckNotReused(db::Connection& c, int64_t user_id, const std::string& password) {
  for (const auto& hash : store::RecentPasswordHashes(c, user_id, auth::kPasswordHistory))
    if (auth::VerifyPassword(hash, password))
      return Fail(ErrorCode::kInvalidArgument, "weak_password",
                  "the new password was used recently", {{"password", "reused"}});
  return {};
}

namespace {
bool KnownKind(const std::string& k) {
  return std::find(kUnitKinds.begin(), kUnitKinds.end(), k) != kUnitKinds.end();
}
std::string OptStr(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

// 三员分立: no administrator may reset, edit or disable another administrator's account (nor
// their own through the admin routes); the command line is the audited break-glass path.
Status CheckNotProtected(const User& target, Channel channel) {
  if (channel == Channel::kApi && IsAdminAccount(target))
    return Fail(ErrorCode::kForbidden, "admin_account_protected",
                "administrator accounts are maintained on the command line only");
  return {};
}

const char* ChannelName(Channel c) { return c == Channel::kApi ? "api" : "cli"; }
}  // namespace

std::vector<Unit> OrgService::ListUnits() {
  auto c = db_.Acquire();
  return store::ListUnits(*c);
}

Result<Unit> OrgService::CreateUnit(const Actor& actor, const NewUnit& in) {
  std::map<std::string, std::string> bad;
  if (in.name.empty() || Utf8Length(in.name) > 100)
    bad["name"] = in.name.empty() ? "required" : "too_long";
  if (!KnownKind(in.kind)) bad["kind"] = "invalid_value";
  if (in.code.size() > 40) bad["code"] = "too_long";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (in.parent_id) {
    if (!store::GetUnit(*c, *in.parent_id))
      return Fail(InvalidArgument({{"parent_id", "not_found"}}, "parent unit not found"));
  } else if (!store::ListUnits(*c).empty()) {
    return Fail(InvalidArgument({{"parent_id", "required"}}, "only the first unit may be a root"));
  }
  Unit u{0, in.parent_id, in.name, in.kind, in.code.empty() ? "U" + RandomHex(5) : in.code, 1};
  if (store::UnitCodeTaken(*c, u.code))
    return Fail(ErrorCode::kConflict, "already_exists", "unit code already used",
                {{"code", "already_exists"}});
  const int64_t now = clock_.NowMs();
  u.id = store::InsertUnit(*c, u, now);
  audit::Diff d;
  d.Created("name", u.name).Created("kind", u.kind).Created("parent_id", OptStr(u.parent_id));
  audit::Append(*c, now, actor, {"org.unit_create", "org_unit", std::to_string(u.id), d.Json()});
  tx.Commit();
  return u;
}

Result<Unit> OrgService::UpdateUnit(const Actor& actor, int64_t id, const UnitPatch& in) {
  std::map<std::string, std::string> bad;
  if (in.name && (in.name->empty() || Utf8Length(*in.name) > 100))
    bad["name"] = in.name->empty() ? "required" : "too_long";
  if (in.kind && !KnownKind(*in.kind)) bad["kind"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetUnit(*c, id);
  if (!before) return Fail(NotFound("unit not found"));
  if (before->version != in.version) return Fail(VersionConflict());
  Unit after = *before;
  if (in.name) after.name = *in.name;
  if (in.kind) after.kind = *in.kind;
  const int64_t now = clock_.NowMs();
  if (!store::UpdateUnit(*c, after, now)) return Fail(VersionConflict());
  audit::Diff d;
  d.Change("name", before->name, after.name).Change("kind", before->kind, after.kind);
  audit::Append(*c, now, actor, {"org.unit_update", "org_unit", std::to_string(id), d.Json()});
  tx.Commit();
  after.version += 1;
  return after;
}

Result<Page<User>> OrgService::ListUsers(const auth::Principal& caller, UserFilter f) {
  auto scope = ResolveScope(caller.roles, "user.read");
  if (!scope) return Fail(Forbidden());
  auto c = db_.Acquire();
  switch (*scope) {
    case Scope::kAll:
      break;
    case Scope::kSubtree:
      f.unit_ids = store::Subtree(*c, caller.unit_id);
      break;
    case Scope::kUnit:
      f.unit_ids = std::set<int64_t>{caller.unit_id};
      break;
    case Scope::kSelf:
      f.only_user_id = caller.user_id;
      break;
  }
  Page<User> page;
  page.items = store::ListUsers(*c, f, &page.total);
  return page;
}

Result<User> OrgService::CreateUser(const Actor& actor, const NewUser& in) {
  const std::string login = auth::NormalizeLogin(in.login);
  std::map<std::string, std::string> bad;
  if (!IsValidLogin(login)) bad["login"] = login.empty() ? "required" : "invalid_value";
  if (in.name.empty() || Utf8Length(in.name) > 50)
    bad["name"] = in.name.empty() ? "required" : "too_long";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  if (auto st = auth::CheckPasswordPolicy(in.password, login); !st) return Fail(st.error());
  if (auto st = ValidateRoleSet(in.roles); !st) return Fail(st.error());
  User u;
  u.login = login;
  u.name = in.name;
  u.unit_id = in.unit_id;
  u.roles = in.roles;
  u.must_change_password = in.must_change_password;
  std::sort(u.roles.begin(), u.roles.end());
  u.roles.erase(std::unique(u.roles.begin(), u.roles.end()), u.roles.end());
  u.password_hash = auth::HashPassword(in.password);  // slow: outside the transaction
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (!store::GetUnit(*c, in.unit_id))
    return Fail(InvalidArgument({{"unit_id", "not_found"}}, "unit not found"));
  if (store::FindUserByLogin(*c, login))
    return Fail(ErrorCode::kConflict, "already_exists", "login already taken",
                {{"login", "already_exists"}});
  const int64_t now = clock_.NowMs();
  u.id = store::InsertUser(*c, u, now);
  audit::Diff d;
  d.Created("login", u.login).Created("name", u.name).Created("unit_id", std::to_string(u.unit_id));
  if (!u.roles.empty()) d.Created("roles", audit::JoinRoles(u.roles));
  if (u.must_change_password) d.Created("must_change_password", "true");
  audit::Append(*c, now, actor, {"user.create", "user", std::to_string(u.id), d.Json()});
  tx.Commit();
  return *GetUser(u.id);
}

Result<User> OrgService::UpdateUser(const Actor& actor, int64_t id, const UserPatch& in,
                                    Channel channel) {
  if (in.name && (in.name->empty() || Utf8Length(*in.name) > 50))
    return Fail(InvalidArgument({{"name", in.name->empty() ? "required" : "too_long"}}));
  if (in.active && !*in.active && id == actor.user_id)
    return Fail(InvalidArgument({{"active", "invalid_value"}}, "you cannot disable yourself"));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetUser(*c, id);
  if (!before) return Fail(NotFound("user not found"));
  if (auto st = CheckNotProtected(*before, channel); !st) return Fail(st.error());
  if (before->version != in.version) return Fail(VersionConflict());
  if (in.unit_id && !store::GetUnit(*c, *in.unit_id))
    return Fail(InvalidArgument({{"unit_id", "not_found"}}, "unit not found"));
  User after = *before;
  if (in.name) after.name = *in.name;
  if (in.unit_id) after.unit_id = *in.unit_id;
  if (in.active) after.active = *in.active;
  const int64_t now = clock_.NowMs();
  if (!store::UpdateUser(*c, after, now)) return Fail(VersionConflict());
  if (!after.active) auth::store::DeleteUserSessions(*c, id);
  audit::Diff d;
  d.Change("name", before->name, after.name)
      .Change("unit_id", std::to_string(before->unit_id), std::to_string(after.unit_id))
      .Change("active", before->active ? "true" : "false", after.active ? "true" : "false")
      .Created("channel", ChannelName(channel));
  audit::Append(*c, now, actor, {"user.update", "user", std::to_string(id), d.Json()});
  tx.Commit();
  return *GetUser(id);
}

Result<User> OrgService::SetRoles(const Actor& actor, int64_t id,
                                  const std::vector<std::string>& roles_in, int64_t version) {
  if (id == actor.user_id) return Fail(Forbidden("an administrator cannot change their own roles"));
  std::vector<std::string> roles = roles_in;
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  if (auto st = ValidateRoleSet(roles); !st) return Fail(st.error());
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetUser(*c, id);
  if (!before) return Fail(NotFound("user not found"));
  if (auto st = CheckNotProtected(*before, Channel::kApi); !st) return Fail(st.error());
  if (before->version != version) return Fail(VersionConflict());
  const int64_t now = clock_.NowMs();
  if (!store::SetRoles(*c, id, version, roles, now)) return Fail(VersionConflict());
  // Sessions carry no role copy (roles are read per request), so the change applies at once.
  audit::Diff d;
  d.Change("roles", audit::JoinRoles(before->roles), audit::JoinRoles(roles));
  audit::Append(*c, now, actor, {"user.roles", "user", std::to_string(id), d.Json()});
  tx.Commit();
  return *GetUser(id);
}

Status OrgService::ResetPassword(const Actor& actor, int64_t id, const std::string& password,
                                 Channel channel) {
  auto existing = GetUser(id);
  if (!existing) return Fail(NotFound("user not found"));
  if (auto st = CheckNotProtected(*existing, channel); !st) return st;
  if (channel == Channel::kApi && id == actor.user_id)
    return Fail(Forbidden("change your own password on the password page"));
  if (auto st = auth::CheckPasswordPolicy(password, existing->login); !st) return st;
  {
    auto c = db_.Acquire();
    if (auto st = CheckNotReused(*c, id, password); !st) return st;
  }
  const std::string hash = auth::HashPassword(password);
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  const int64_t now = clock_.NowMs();
  store::SetPassword(*c, id, hash, now, true);  // also unlocks; a new password at next login
  auth::store::DeleteUserSessions(*c, id);
  audit::Diff d;
  d.Created("channel", ChannelName(channel)).Created("must_change_password", "true");
  audit::Append(*c, now, actor, {"user.password_reset", "user", std::to_string(id), d.Json()});
  tx.Commit();
  return {};
}

std::optional<User> OrgService::GetUser(int64_t id) {
  auto c = db_.Acquire();
  return store::GetUser(*c, id);
}

int64_t OrgService::CountUsersInUnit(int64_t unit_id) {
  auto c = db_.Acquire();
  return store::CountActiveUsersInUnit(*c, unit_id);
}

}  // namespace zhaoshang::org
