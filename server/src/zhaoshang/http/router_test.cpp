#include "zhaoshang/http/router.hpp"
#include "zhaoshang/http/server.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::http {
namespace {

TEST(Router, MatchesLiteralAndParamSegments) {
  std::vector<std::string> p;
  EXPECT_TRUE(MatchPattern("/api/v1/users", "/api/v1/users", p));
  EXPECT_TRUE(MatchPattern("/api/v1/users/{id}/roles", "/api/v1/users/42/roles", p));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "42");
  p.clear();
  EXPECT_FALSE(MatchPattern("/api/v1/users/{id}", "/api/v1/users/", p));
  EXPECT_FALSE(MatchPattern("/api/v1/users/{id}", "/api/v1/users/1/x", p));
  EXPECT_FALSE(MatchPattern("/api/v1/users", "/api/v1/users/", p));
  EXPECT_FALSE(MatchPattern("/api/v1/users", "/api/v1/user", p));
}

struct Ctx {};

TEST(Router, DistinguishesUnknownPathFromWrongMethod) {
  Router<Ctx> r;
  r.Add("GET", "/a/{id}", "x", [](Ctx&) { return Response{}; });
  EXPECT_EQ(r.Find("GET", "/a/1").route_index, 0);
  auto wrong = r.Find("DELETE", "/a/1");
  EXPECT_EQ(wrong.route_index, -1);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_FALSE(r.Find("GET", "/b").path_known);
}

TEST(Message, ParsesTargetAndCookies) {
  Request req;
  req.target = "/api/v1/users?q=%E5%BC%A0&page=2";
  ASSERT_TRUE(ParseTarget(req));
  EXPECT_EQ(req.path, "/api/v1/users");
  EXPECT_EQ(req.Query("q"), "张");
  EXPECT_EQ(req.Query("page"), "2");
  req.headers["cookie"] = "a=1; zs_session=abc; b=2";
  EXPECT_EQ(req.Cookie("zs_session"), "abc");
  EXPECT_EQ(req.Cookie("c"), "");
}

TEST(Message, ClientAddressTrustsOnlyTheConfiguredProxies) {
  EXPECT_EQ(ClientAddress("10.0.0.9", "1.2.3.4", ""), "10.0.0.9");           // no proxy configured
  EXPECT_EQ(ClientAddress("10.0.0.9", "1.2.3.4", "127.0.0.1"), "10.0.0.9");  // not from it
  EXPECT_EQ(ClientAddress("127.0.0.1", "", "127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7", "127.0.0.1, ::1"), "203.0.113.7");
  // The client may send its own X-Forwarded-For: only the hop the proxy added counts.
  EXPECT_EQ(ClientAddress("127.0.0.1", "6.6.6.6, 203.0.113.7", "127.0.0.1"), "203.0.113.7");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.7, 10.1.1.1", "127.0.0.1,10.1.1.1"),
            "203.0.113.7");  // two proxies in a row
  EXPECT_EQ(ClientAddress("127.0.0.1", "not an address", "127.0.0.1"), "127.0.0.1");
}

}  // namespace
}  // namespace zhaoshang::http

namespace zhaoshang::http {
namespace {

TEST(BodyLimits, FilesGetTheirOwnLimits) {
  ServerOptions o;
  o.body_limit = 1;
  o.upload_limit = 2;
  o.attachment_limit = 3;
  EXPECT_EQ(BodyLimitFor(o, "POST", "/api/v1/projects"), 1);
  EXPECT_EQ(BodyLimitFor(o, "POST", "/api/v1/projects/import/preview"), 2);
  EXPECT_EQ(BodyLimitFor(o, "POST", "/api/v1/projects/7/attachments?kind=other&name=a.pdf"), 3);
  EXPECT_EQ(BodyLimitFor(o, "POST", "/api/v1/factor-requests/7/attachments"), 3);
  // Only an upload's path: not a query naming it, not another method, not a longer path.
  EXPECT_EQ(BodyLimitFor(o, "POST", "/api/v1/projects?x=/attachments"), 1);
  EXPECT_EQ(BodyLimitFor(o, "PATCH", "/api/v1/projects/7/attachments"), 1);
  EXPECT_EQ(BodyLimitFor(o, "POST", "/api/v1/attachments/7"), 1);
  EXPECT_EQ(BodyLimitFor(o, "POST", "/attachments"), 1);
}

}  // namespace
}  // namespace zhaoshang::http
