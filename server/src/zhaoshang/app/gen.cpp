#include "zhaoshang/app/gen.hpp"

#include <fmt/format.h>

#include "zhaoshang/app/demo_projects.hpp"
#include "zhaoshang/auth/password.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang {

GenScale ScaleByName(const std::string& name) {
  if (name == "city") return {"city", 5, 30, 40, 500, 20'000};
  if (name == "province") return {"province", 60, 300, 400, 10'000, 300'000};
  throw std::runtime_error("unknown scale " + name + " (city or province)");
}

void Generate(App& app, const GenScale& s) {
  auto c = app.db().Acquire();
  if (org::store::CountUsers(*c) > 0) throw std::runtime_error("gen needs an empty database");
  const int64_t now = app.clock().NowMs();
  // One hash for every generated account: argon2id per row would take minutes.
  const std::string hash = auth::HashPassword(kGenPassword);
  static const char* const kRoles[] = {"promoter",     "promoter",    "promoter",    "receiver",
                                       "collaborator", "reviewer",    "coordinator", "leader",
                                       "trainer",      "statistician"};
  db::Transaction tx(*c, true);
  std::vector<int64_t> units;
  int64_t root = org::store::InsertUnit(*c, {0, std::nullopt, "基准测试市", "city", "G", 1}, now);
  units.push_back(root);
  std::vector<int64_t> districts;
  for (int d = 0; d < s.districts; ++d) {
    districts.push_back(org::store::InsertUnit(
        *c, {0, root, fmt::format("第{}区", d + 1), "district", fmt::format("G-D{}", d), 1}, now));
    units.push_back(districts.back());
  }
  for (int p = 0; p < s.parks; ++p)
    units.push_back(
        org::store::InsertUnit(*c,
                               {0, districts[p % districts.size()], fmt::format("第{}园区", p + 1),
                                "park", fmt::format("G-P{}", p), 1},
                               now));
  for (int d = 0; d < s.departments; ++d)
    units.push_back(org::store::InsertUnit(
        *c, {0, root, fmt::format("第{}部门", d + 1), "department", fmt::format("G-U{}", d), 1},
        now));
  org::User admin;
  admin.login = "bench-admin";
  admin.name = "基准管理员";
  admin.unit_id = root;
  admin.roles = {"sysadmin"};
  admin.password_hash = hash;
  org::store::InsertUser(*c, admin, now);
  org::User coord = admin;
  coord.login = "bench-coordinator";
  coord.name = "基准统筹";
  coord.roles = {"coordinator"};
  org::store::InsertUser(*c, coord, now);
  // A small linear congruential generator: the same dataset on every machine.
  uint64_t x = 20261129;
  auto next = [&x] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; };
  static const char* const kSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  for (int i = 0; i < s.users; ++i) {
    org::User u;
    u.login = fmt::format("u{:05}", i);
    size_t k = (next() >> 33) % 20;
    u.name = std::string(kSurnames + 3 * k, 3) + fmt::format("{:04}", i);
    u.unit_id = units[(next() >> 33) % units.size()];
    u.roles = {kRoles[i % 10]};
    u.password_hash = hash;
    org::store::InsertUser(*c, u, now);
  }
  tx.Commit();
  catalog::SeedDemoChains(*c, now);
  ProjectGenSpec spec;
  spec.projects = s.projects;
  spec.activities_per_project = 10;
  spec.demo_city = false;
  LoadDemoProjects(app, spec);
}

}  // namespace zhaoshang
