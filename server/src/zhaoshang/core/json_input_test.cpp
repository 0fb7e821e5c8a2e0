#include "zhaoshang/core/json_input.hpp"

#include <gtest/gtest.h>

namespace zhaoshang {
namespace {

TEST(JsonInput, RejectsNonObjects) {
  EXPECT_EQ(JsonInput::Parse("{").error().code, "invalid_json");
  EXPECT_EQ(JsonInput::Parse("[1]").error().code, "invalid_json");
  EXPECT_EQ(JsonInput::Parse("").error().code, "invalid_json");
}

TEST(JsonInput, CollectsEveryFieldProblem) {
  auto in = JsonInput::Parse(R"({"name": 5, "extra": true, "roles": ["a", 1], "long": "abcdef"})");
  ASSERT_TRUE(in);
  in->String("name", true);
  in->String("login", true);
  in->StringArray("roles", true);
  in->String("long", false, 5);
  auto st = in->Finish();
  ASSERT_FALSE(st);
  const auto& f = st.error().fields;
  EXPECT_EQ(f.at("name"), "wrong_type");
  EXPECT_EQ(f.at("login"), "required");
  EXPECT_EQ(f.at("extra"), "unknown_field");
  EXPECT_EQ(f.at("roles"), "wrong_type");
  EXPECT_EQ(f.at("long"), "too_long");
}

TEST(JsonInput, ReadsValidValues) {
  auto in = JsonInput::Parse(R"({"n": 42, "b": false, "s": "安庆", "blank": "  "})");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->Int("n", true), 42);
  EXPECT_EQ(in->Bool("b", true), false);
  EXPECT_EQ(in->String("s", true, 2), "安庆");  // 2 characters, 6 bytes
  EXPECT_FALSE(in->String("blank", true).has_value());
  auto st = in->Finish();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().fields.at("blank"), "required");
}

TEST(JsonInput, Utf8Length) {
  EXPECT_EQ(Utf8Length("abc"), 3u);
  EXPECT_EQ(Utf8Length("招商引资"), 4u);
}

TEST(JsonInput, SecretsAreTakenAsTypedOrRefused) {
  auto in = JsonInput::Parse(R"({"password":"Demo@2026\u200b","name":"安庆\u200b石化"})");
  ASSERT_TRUE(in);
  EXPECT_FALSE(in->Secret("password", true, 256).has_value());
  EXPECT_EQ(in->String("name", true), "安庆石化");  // ordinary text is cleaned instead
  auto st = in->Finish();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().fields.at("password"), "invalid_value");
  auto ok = JsonInput::Parse(R"({"password":"Demo@2026"})");
  EXPECT_EQ(ok->Secret("password", true, 256), "Demo@2026");
}

TEST(JsonInput, LineSeparatorsAreLineBreaks) {
  auto in = JsonInput::Parse(R"({"name":"a\u2028b","note":"a\u2028b"})");
  ASSERT_TRUE(in);
  EXPECT_FALSE(in->String("name", true).has_value());
  EXPECT_TRUE(in->Text("note", true, 10).has_value());
  EXPECT_EQ(in->Finish().error().fields.at("name"), "invalid_value");
}

}  // namespace
}  // namespace zhaoshang
