#pragma once
// Realistic synthetic projects for the demo city and for `zhaoshang gen`.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "zhaoshang/app/app.hpp"

namespace zhaoshang {

struct ProjectGenSpec {
  int projects = 200;
  int activities_per_project = 3;  // on average
  uint64_t seed = 20261129;
  bool demo_city = true;  // uses the demo city's units and accounts and adds the named examples
};

// Writes projects spread over every stage (with consistent fields, events, activities,
// contacts, co-promoters from collisions). Deterministic for a given spec.
void LoadDemoProjects(App& app, const ProjectGenSpec& spec = {});

// The demo loaders act as the demo accounts: the account's principal, as if logged in.
auth::Principal DemoPrincipal(App& app, const std::string& login);
// A demo step that must succeed (the loader stops with what failed).
template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string("demo ") + what + ": " + r.error().message);
  return std::move(*r);
}

// Park profiles with carriers, routings (accepted ones for routed projects, a few declines),
// and the pre-review panel with one open round (demo_matching.cpp).
void LoadDemoMatching(App& app);

// The factor type → department mapping and factor requests in every state, one of them overdue
// (demo_factors.cpp).
void LoadDemoFactors(App& app);

// Supervision items (督办) in every state, one of them overdue (demo_supervision.cpp).
void LoadDemoSupervision(App& app);
void LoadDemoPolicies(App& app);
void LoadDemoChecklists(App& app);
void LoadDemoArticles(App& app);
// Two courses with question banks, a past session with attendance, an upcoming one, two passes
// (demo_training.cpp).
void LoadDemoTraining(App& app);

}  // namespace zhaoshang
