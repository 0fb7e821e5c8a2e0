#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang {
namespace auth {
class AuthService;
}
// /api/v1/auth/*: login, logout, me, own recent logins, own password.
void RegisterAuthRoutes(AppRouter& r, auth::AuthService& auth, bool secure_cookie);
}  // namespace zhaoshang
