#pragma once
// Password policy and hashing (argon2id via libsodium).
#include <string>

#include "zhaoshang/core/error.hpp"

namespace zhaoshang::auth {

// ≥ 8 characters, at least 3 of 4 classes (upper, lower, digit, other), not containing the
// login name (case-insensitive). Fails with weak_password and fields.password = reason.
Status CheckPasswordPolicy(const std::string& password, const std::string& login);

std::string HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// Spends the same time as a verification, so unknown logins are not told apart by timing.
void DummyVerify(const std::string& password);

}  // namespace zhaoshang::auth
