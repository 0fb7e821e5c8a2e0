#include "zhaoshang/auth/password.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <sodium.h>

#include "zhaoshang/core/json_input.hpp"

namespace zhaoshang::auth {
namespace {
// OWASP's argon2id minimum (19 MiB, t=2): keeps a login near 50 ms and the server's RSS small.
constexpr unsigned long long kOps = 2;
constexpr size_t kMem = size_t{19} * 1024 * 1024;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
}  // namespace

Status CheckPasswordPolicy(const std::string& password, const std::string& login) {
  auto weak = [](const char* reason) {
    return Fail(ErrorCode::kInvalidArgument, "weak_password", "password does not meet the policy",
                {{"password", reason}});
  };
  if (Utf8Length(password) < 8) return weak("too_short");
  if (password.size() > 256) return weak("too_long");
  bool upper = false, lower = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (std::isupper(c))
      upper = true;
    else if (std::islower(c))
      lower = true;
    else if (std::isdigit(c))
      digit = true;
    else
      other = true;
  }
  if (int(upper) + int(lower) + int(digit) + int(other) < 3) return weak("too_few_classes");
  if (!login.empty() && Lower(password).find(Lower(login)) != std::string::npos)
    return weak("contains_login");
  return {};
}

std::string HashPassword(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), kOps, kMem) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void DummyVerify(const std::string& password) {
  static const std::string kDummy = HashPassword("dummy-password-for-timing-Aa1!");
  VerifyPassword(kDummy, password);
}

}  // namespace zhaoshang::auth
