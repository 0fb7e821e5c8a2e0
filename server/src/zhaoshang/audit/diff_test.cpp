#include "zhaoshang/audit/diff.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::audit {
namespace {

TEST(Diff, RecordsOnlyFieldsThatChanged) {
  Diff d;
  d.Change("name", "a", "a").Change("unit", "1", "2");
  EXPECT_FALSE(d.empty());
  EXPECT_EQ(d.Json(), R"({"unit":{"from":"1","to":"2"}})");
}

TEST(Diff, AbsentValuesAreNull) {
  Diff d;
  d.Created("login", "li.na").Change("reason", "late", std::nullopt);
  EXPECT_EQ(d.Json(), R"({"login":{"from":null,"to":"li.na"},"reason":{"from":"late","to":null}})");
}

TEST(Diff, NothingChangedIsEmptyObject) {
  Diff d;
  d.Change("name", std::nullopt, std::nullopt).Change("x", "1", "1");
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(d.Json(), "{}");
}

TEST(Diff, TextIsEscapedAsJson) {
  Diff d;
  d.Created("note", "say \"hi\"\n招商");
  EXPECT_EQ(d.Json(), "{\"note\":{\"from\":null,\"to\":\"say \\\"hi\\\"\\n招商\"}}");
}

TEST(JoinRoles, CommaSeparatedInGivenOrder) {
  EXPECT_EQ(JoinRoles({}), "");
  EXPECT_EQ(JoinRoles({"promoter"}), "promoter");
  EXPECT_EQ(JoinRoles({"coordinator", "leader"}), "coordinator,leader");
}

}  // namespace
}  // namespace zhaoshang::audit
