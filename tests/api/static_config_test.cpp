// Static SPA serving (precompressed, caching, fallback) and configuration layering.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/test_env.hpp"
#include "zhaoshang/app/config.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/http/static_files.hpp"

namespace zhaoshang::testing {
namespace {
namespace fs = std::filesystem;

struct TempDir {
  TempDir() : path(fs::temp_directory_path() / ("zs-static-" + RandomHex(4))) {
    fs::create_directories(path / "assets");
  }
  ~TempDir() { fs::remove_all(path); }
  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(path / rel) << content;
  }
  fs::path path;
};

http::Request Get(const std::string& path, const std::string& accept = "") {
  http::Request r;
  r.method = "GET";
  r.target = path;
  http::ParseTarget(r);
  if (!accept.empty()) r.headers["accept-encoding"] = accept;
  return r;
}

std::string HeaderOf(const http::Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

TEST(StaticFiles, ServesPrecompressedHashedAssetsWithLongCache) {
  TempDir d;
  d.Write("index.html", "<html>招商</html>");
  d.Write("assets/app-abc123.js", "console.log(1)");
  d.Write("assets/app-abc123.js.gz", "GZ");
  d.Write("assets/app-abc123.js.br", "BR");
  http::StaticFiles s;
  EXPECT_EQ(s.Load(d.path.string()), 2u);  // .gz/.br are siblings, not files of their own
  auto br = s.Serve(Get("/assets/app-abc123.js", "gzip, deflate, br"));
  ASSERT_TRUE(br);
  EXPECT_EQ(br->body, "BR");
  EXPECT_EQ(HeaderOf(*br, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderOf(*br, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(HeaderOf(*br, "Vary"), "Accept-Encoding");
  EXPECT_EQ(s.Serve(Get("/assets/app-abc123.js", "gzip"))->body, "GZ");
  auto plain = s.Serve(Get("/assets/app-abc123.js"));
  EXPECT_EQ(plain->body, "console.log(1)");
  EXPECT_EQ(plain->content_type, "text/javascript; charset=utf-8");
}

TEST(StaticFiles, SpaRoutesFallBackToIndexButMissingAssetsAre404) {
  TempDir d;
  d.Write("index.html", "<html>招商</html>");
  http::StaticFiles s;
  s.Load(d.path.string());
  auto route = s.Serve(Get("/users/42"));
  ASSERT_TRUE(route);
  EXPECT_EQ(route->body, "<html>招商</html>");
  EXPECT_EQ(HeaderOf(*route, "Cache-Control"), "no-cache");
  EXPECT_FALSE(s.Serve(Get("/assets/missing-1.js")));
  EXPECT_FALSE(s.Serve(Get("/../../etc/passwd")));
}

TEST(Config, TomlThenEnvironment) {
  TempDir d;
  d.Write("z.toml",
          "db = \"sqlite:/srv/z.db\"\nlisten = \"0.0.0.0:9000\"\nbody_limit = "
          "2048\n[auth]\nlockout_failures = 3\n");
  Config c = LoadConfig((d.path / "z.toml").string());
  EXPECT_EQ(c.db, "sqlite:/srv/z.db");
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.body_limit, 2048);
  EXPECT_EQ(c.lockout_failures, 3);
  EXPECT_EQ(c.lockout_minutes, 15);  // default kept
  setenv("ZS_LISTEN", "127.0.0.1:7000", 1);
  setenv("ZS_BODY_LIMIT", "4096", 1);
  Config e = LoadConfig((d.path / "z.toml").string());
  unsetenv("ZS_LISTEN");
  unsetenv("ZS_BODY_LIMIT");
  EXPECT_EQ(e.listen, "127.0.0.1:7000");
  EXPECT_EQ(e.body_limit, 4096);
  d.Write("bad.toml", "listen = \n");
  EXPECT_THROW(LoadConfig((d.path / "bad.toml").string()), std::runtime_error);
}

TEST(Config, TheAuditAnchorFileBelongsToOneDatabase) {
  Config c;
  c.db = "sqlite:var/zhaoshang.db";
  EXPECT_EQ(AnchorFileFor(c), "var/zhaoshang.db.audit-anchor");
  c.db = "postgresql://zs:s3cret@db1:5432/zhaoshang?sslmode=require";
  EXPECT_EQ(AnchorFileFor(c), "var/audit-db1_5432_zhaoshang.anchor");  // no credentials
  c.db = "postgresql://zs@db1:5432/other";
  EXPECT_EQ(AnchorFileFor(c), "var/audit-db1_5432_other.anchor");
  c.audit_anchor_file = "/srv/anchor";
  EXPECT_EQ(AnchorFileFor(c), "/srv/anchor");  // configured wins
}

}  // namespace
}  // namespace zhaoshang::testing
