// Generates one check per route × role from authz/matrix.csv.
#include <fstream>
#include <sstream>

#include "support/test_env.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang::testing {
namespace {

struct Line {
  std::string method, path;
  std::map<std::string, std::string> cells;  // role → cell
};

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string c;
  while (std::getline(ss, c, ',')) out.push_back(c);
  return out;
}

std::vector<Line> ReadMatrix(std::vector<std::string>* roles_out) {
  std::ifstream in(std::string(ZS_SOURCE_DIR) + "/tests/authz/matrix.csv");
  std::string line;
  std::vector<std::string> header;
  std::vector<Line> lines;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto cols = Split(line);
    if (header.empty()) {
      header = cols;
      continue;
    }
    Line l{cols.at(0), cols.at(1), {}};
    for (size_t i = 2; i < header.size(); ++i) l.cells[header[i]] = cols.at(i);
    lines.push_back(l);
  }
  if (roles_out) roles_out->assign(header.begin() + 2, header.end());
  return lines;
}

TEST(AuthzMatrix, ListsEveryRouteAndEveryRole) {
  TestApp t(false);
  std::vector<std::string> roles;
  auto lines = ReadMatrix(&roles);
  std::set<std::string> in_matrix, in_router;
  for (const auto& l : lines) in_matrix.insert(l.method + " " + l.path);
  for (const auto& r : t.app->router().routes()) in_router.insert(r.method + " " + r.pattern);
  for (const auto& r : in_router)
    EXPECT_TRUE(in_matrix.count(r)) << "route missing from matrix.csv: " << r;
  for (const auto& r : in_matrix)
    EXPECT_TRUE(in_router.count(r)) << "matrix.csv lists an unknown route: " << r;
  std::set<std::string> expected{"anonymous"};
  for (const auto& r : org::AllRoles()) expected.insert(std::string(r.code));
  EXPECT_EQ(std::set<std::string>(roles.begin(), roles.end()), expected);
}

TEST(AuthzMatrix, ScopesInTheMatrixAreTheScopesTheRolesGrant) {
  TestApp t(false);
  auto lines = ReadMatrix(nullptr);
  for (const auto& l : lines) {
    const auto m = t.app->router().Find(l.method, l.path);
    ASSERT_GE(m.route_index, 0) << l.path;
    const std::string perm = t.app->router().routes()[m.route_index].permission;
    for (const auto& [role, cell] : l.cells) {
      SCOPED_TRACE(l.method + " " + l.path + " as " + role);
      if (perm == http::kPublic) {
        EXPECT_EQ(cell, "allow");
      } else if (role == "anonymous") {
        EXPECT_EQ(cell, "deny");
      } else if (perm == http::kAuthenticated || perm == http::kSelfService) {
        EXPECT_EQ(cell, "allow");
      } else {
        auto scope = org::ResolveScope({role}, perm);
        EXPECT_EQ(cell, scope ? std::string(org::ScopeName(*scope)) : "deny");
      }
    }
  }
}

TEST(AuthzMatrix, EveryRouteEnforcesItForEveryRole) {
  TestApp t;  // demo city: one account per role, login = role code
  const std::string user_id = std::to_string(UserIdByLogin(*t.app, "trainer"));
  const std::string unit_id = std::to_string(UnitIdByCode(*t.app, "AQ-YJ"));
  int checked = 0;
  std::vector<std::string> roles;
  const auto lines = ReadMatrix(&roles);
  for (const auto& l : lines) {
    std::string target = l.path;
    for (auto p = target.find("{id}"); p != std::string::npos; p = target.find("{id}"))
      target.replace(p, 4,
                     target.find("/users/") != std::string::npos       ? user_id
                     : target.find("/org/units/") != std::string::npos ? unit_id
                                                                       : std::string("1"));
    for (auto p = target.find("{type}"); p != std::string::npos; p = target.find("{type}"))
      target.replace(p, 6, "land");
    for (auto p = target.find("{date}"); p != std::string::npos; p = target.find("{date}"))
      target.replace(p, 6, "2026-05-06");
    for (auto p = target.find("{stage}"); p != std::string::npos; p = target.find("{stage}"))
      target.replace(p, 7, "lead");
    for (auto p = target.find("{version}"); p != std::string::npos; p = target.find("{version}"))
      target.replace(p, 9, "1");
    // No such checklist item: an allowed tick stops at not_found and changes nothing.
    for (auto p = target.find("{item}"); p != std::string::npos; p = target.find("{item}"))
      target.replace(p, 6, "999999");
    for (const auto& [role, cell] : l.cells) {
      SCOPED_TRACE(::testing::Message()
                   << l.method << " " << target << " as " << role << " expecting " << cell);
      Client c(*t.app);
      // Demo logins are the role codes, except 单位负责人 "unithead".
      if (role != "anonymous") {
        ASSERT_EQ(c.Login(role == "unit_head" ? "unithead" : role).status, 200);
      }
      // "{}" is never a complete body, so allowed writes stop at validation and change nothing.
      Reply r = c.Call(l.method, target, l.method == "GET" ? "" : "{}");
      if (cell == "deny") {
        EXPECT_EQ(r.status, role == "anonymous" ? 401 : 403) << r.body;
        EXPECT_EQ(r.Code(), role == "anonymous" ? "unauthenticated" : "forbidden");
        EXPECT_EQ(r.body.find("\"items\""), std::string::npos) << "a denied reply carried data";
      } else {
        EXPECT_NE(r.status, 401) << r.body;
        EXPECT_NE(r.status, 403) << r.body;
        EXPECT_LT(r.status, 500) << r.body;
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(lines.size() * roles.size()));
  EXPECT_GE(lines.size(), 36u);
}

// docs/api.md lists every role's permissions and scopes between two markers; the docs and
// roles.cpp once disagreed on review.view / review.participate. Rebuild the table from
// AllRoles() and compare it line by line (on a mismatch the expected table is printed).
TEST(AuthzMatrix, TheRoleTableInTheDocsIsTheRoleTableOfTheServer) {
  std::string expected = "| role | admin | permissions (scope) |\n|---|---|---|\n";
  for (const auto& r : org::AllRoles()) {
    std::string perms;
    for (const auto& g : r.grants)
      perms += (perms.empty() ? "" : ", ") + std::string("`") + std::string(g.permission) + "` " +
               std::string(org::ScopeName(g.scope));
    expected +=
        "| " + std::string(r.code) + " | " + (r.admin ? "yes" : "no") + " | " + perms + " |\n";
  }
  std::ifstream in(std::string(ZS_SOURCE_DIR) + "/docs/api.md");
  ASSERT_TRUE(in) << "docs/api.md not found";
  std::string line, table;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line == "<!-- roles:end -->") break;
    if (inside) table += line + "\n";
    if (line == "<!-- roles:begin -->") inside = true;
  }
  EXPECT_EQ(table, expected) << "replace the table in docs/api.md with:\n" << expected;
}

}  // namespace
}  // namespace zhaoshang::testing
