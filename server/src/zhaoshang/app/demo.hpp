#pragma once
// The demo city: an Anqing-style structure with fictional people, one account per role.
#include <string>
#include <vector>

#include "zhaoshang/app/app.hpp"

namespace zhaoshang {

inline constexpr const char* kDemoPassword = "Demo@2026";

struct DemoAccount {
  std::string login, name, unit_code, role;
};
const std::vector<DemoAccount>& DemoAccounts();

// Loads the demo city into an empty database and marks it as demo. Returns false (and
// changes nothing) when the database already has accounts.
bool LoadDemo(App& app);

}  // namespace zhaoshang
