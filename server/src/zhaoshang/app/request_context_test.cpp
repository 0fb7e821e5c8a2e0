#include "zhaoshang/app/request_context.hpp"

#include <gtest/gtest.h>

namespace zhaoshang {
namespace {

http::Request WithQuery(std::map<std::string, std::string> query) {
  http::Request r;
  r.method = "GET";
  r.query = std::move(query);
  return r;
}

TEST(RequestContext, ParseDigitsTakesUpTo18DecimalDigitsAndNothingElse) {
  EXPECT_EQ(ParseDigits("0"), 0);
  EXPECT_EQ(ParseDigits("42"), 42);
  EXPECT_EQ(ParseDigits("007"), 7);
  EXPECT_EQ(ParseDigits("999999999999999999"), int64_t{999'999'999'999'999'999});  // 18 digits
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "1.5", "1e3", "0x10", "１２", "abc",
                          "1000000000000000000"})  // 19 digits: could overflow, refused
    EXPECT_FALSE(ParseDigits(bad)) << bad;
}

TEST(RequestContext, IdParamIsAPositiveNumberOrNothing) {
  http::Request req;
  RequestContext ctx{req, std::nullopt, {"12", "0", "x"}, {}};
  EXPECT_EQ(ctx.IdParam(0), 12);
  EXPECT_FALSE(ctx.IdParam(1));  // ids start at 1
  EXPECT_FALSE(ctx.IdParam(2));
  EXPECT_FALSE(ctx.IdParam(3));  // no such parameter
}

TEST(RequestContext, ParsePageDefaultsBoundsAndOffset) {
  auto d = ParsePage(WithQuery({}));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->page, 1);
  EXPECT_EQ(d->page_size, 20);
  EXPECT_EQ(d->offset, 0);
  auto p = ParsePage(WithQuery({{"page", "3"}, {"page_size", "50"}}));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->offset, 100);
  EXPECT_TRUE(ParsePage(WithQuery({{"page", "1000000"}, {"page_size", "200"}})));

  auto both = ParsePage(WithQuery({{"page", "0"}, {"page_size", "201"}}));
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().code, "invalid_argument");
  EXPECT_EQ(both.error().fields.at("page"), "invalid_value");
  EXPECT_EQ(both.error().fields.at("page_size"), "invalid_value");
  for (const char* bad : {"-1", "1.0", "two", "1000001", " 2"}) {
    auto r = ParsePage(WithQuery({{"page", bad}}));
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().fields.size(), 1u) << bad;
    EXPECT_EQ(r.error().fields.count("page"), 1u) << bad;
  }
}

TEST(RequestContext, ReadCodeListSplitsOnCommasAndFlagsUnknownCodes) {
  const std::set<std::string> allowed{"open", "accepted", "resolved"};
  std::map<std::string, std::string> bad;
  EXPECT_TRUE(ReadCodeList(WithQuery({}), "status", allowed, &bad).empty());
  EXPECT_EQ(ReadCodeList(WithQuery({{"status", "open,resolved"}}), "status", allowed, &bad),
            (std::vector<std::string>{"open", "resolved"}));
  EXPECT_TRUE(bad.empty());

  ReadCodeList(WithQuery({{"status", "open,closed"}}), "status", allowed, &bad);
  EXPECT_EQ(bad, (std::map<std::string, std::string>{{"status", "invalid_value"}}));
  for (const char* list : {"open,,accepted", ",open", "OPEN", "open accepted"}) {
    std::map<std::string, std::string> b;
    ReadCodeList(WithQuery({{"status", list}}), "status", allowed, &b);
    EXPECT_EQ(b.count("status"), 1u) << list;
  }
  // Other keys of the same request are left alone.
  std::map<std::string, std::string> b;
  ReadCodeList(WithQuery({{"kind", "x"}, {"status", "open"}}), "status", allowed, &b);
  EXPECT_TRUE(b.empty());
}

}  // namespace
}  // namespace zhaoshang
