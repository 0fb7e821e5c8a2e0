#pragma once
// Deterministic synthetic data for benchmarks (`zhaoshang gen`).
#include <string>

#include "zhaoshang/app/app.hpp"

namespace zhaoshang {

struct GenScale {
  std::string name;
  int districts, parks, departments, users, projects;
};
// "city": 30 parks, 500 users, 20k projects, ~200k activities; "province": 300 parks, 10k users,
// 300k projects, ~3M activities (DESIGN.md §7). Throws on an unknown name.
GenScale ScaleByName(const std::string& name);

// Writes the org tree and accounts (all with password kGenPassword, roles cycling through the
// business roles, plus one sysadmin "bench-admin") into an empty database.
void Generate(App& app, const GenScale& s);

inline constexpr const char* kGenPassword = "Bench@2026";

}  // namespace zhaoshang
