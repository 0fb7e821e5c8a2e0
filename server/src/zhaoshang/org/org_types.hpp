#pragma once
// 组织机构: org units (city, districts, departments, parks, …) and user accounts.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace zhaoshang::org {

struct Unit {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string name;
  std::string kind;  // see kUnitKinds
  std::string code;
  int64_t version = 1;
};

inline const std::vector<std::string> kUnitKinds = {
    "city",         "district",          "department",    "park",      "bureau",
    "party_school", "statistics_bureau", "resident_team", "institute", "enterprise"};

// Units that receive projects (承接单位): routing targets, receiving units, park profiles.
inline bool ReceivesProjects(const std::string& kind) {
  return kind == "park" || kind == "district";
}

struct User {
  int64_t id = 0;
  std::string login;
  std::string name;
  int64_t unit_id = 0;
  std::string unit_name;
  std::vector<std::string> roles;
  bool active = true;
  int64_t version = 1;
  int failed_count = 0;
  std::optional<int64_t> locked_until;
  std::optional<int64_t> last_failed_at;
  std::optional<int64_t> last_login_at;
  std::string password_hash;
  // Set by an administrator's reset, and on an account an administrator created.
  bool must_change_password = false;
};

// An account holding one of the three administrator roles (三员): no other administrator may
// reset, edit or disable it; only the command line can (break-glass, audited).
bool IsAdminAccount(const User& u);

struct UserFilter {
  std::optional<int64_t> unit_id;
  std::string q;  // login or name contains
  std::optional<bool> active;
  // Data scope: restrict to these units (nullopt = no restriction) or to one user.
  std::optional<std::set<int64_t>> unit_ids;
  std::optional<int64_t> only_user_id;
  // Holding at least one of these roles (nullopt = any account).
  std::optional<std::vector<std::string>> any_role;
  int64_t offset = 0;
  int64_t limit = 20;
};

}  // namespace zhaoshang::org
