#pragma once
// All SQL of the auth module: the sessions table. Accounts, roles, password history and
// lock counts are org's tables (org::store).
#include <optional>
#include <string>

#include "zhaoshang/auth/auth_types.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::auth::store {

// The session whose token hashes to id_hash, with its account.
std::optional<StoredSession> FindSession(db::Connection& c, const std::string& id_hash);
void InsertSession(db::Connection& c, const std::string& id_hash, int64_t user_id,
                   const std::string& csrf_token, int64_t now, const std::string& source);
void TouchSession(db::Connection& c, const std::string& id_hash, int64_t now);
void DeleteSession(db::Connection& c, const std::string& id_hash);
// Sessions idle since before idle_before or created before created_before.
void DeleteExpiredSessions(db::Connection& c, int64_t idle_before, int64_t created_before);
// Every session of the account (disabled, or its password reset).
void DeleteUserSessions(db::Connection& c, int64_t user_id);
// Every session of the account but the one kept (its own password change).
void DeleteOtherSessions(db::Connection& c, int64_t user_id, const std::string& keep_hash);

}  // namespace zhaoshang::auth::store
