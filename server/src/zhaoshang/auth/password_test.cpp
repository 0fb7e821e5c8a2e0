#include "zhaoshang/auth/password.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace zhaoshang::auth {
namespace {

std::string Reason(const Status& s) { return s ? "" : s.error().fields.at("password"); }

TEST(PasswordPolicy, AcceptsThreeOfFourClasses) {
  EXPECT_TRUE(CheckPasswordPolicy("Anqing2026", "promoter"));    // upper, lower, digit
  EXPECT_TRUE(CheckPasswordPolicy("anqing-2026", "promoter"));   // lower, digit, symbol
  EXPECT_TRUE(CheckPasswordPolicy("ANQING#zs", "promoter"));     // upper, lower, symbol
  EXPECT_TRUE(CheckPasswordPolicy("招商引资ab12", "promoter"));  // CJK counts as "other"
}

TEST(PasswordPolicy, RejectsShortFewClassesAndLogin) {
  EXPECT_EQ(Reason(CheckPasswordPolicy("Ab1!", "x")), "too_short");
  EXPECT_EQ(Reason(CheckPasswordPolicy("Ab1!xyz", "x")), "too_short");  // 7 characters
  EXPECT_EQ(Reason(CheckPasswordPolicy("abcdefgh", "x")), "too_few_classes");
  EXPECT_EQ(Reason(CheckPasswordPolicy("abcd1234", "x")), "too_few_classes");
  EXPECT_EQ(Reason(CheckPasswordPolicy("Zhangwei2026", "zhangwei")), "contains_login");
  EXPECT_EQ(Reason(CheckPasswordPolicy("xxZHANGWEI1", "zhangwei")), "contains_login");
  EXPECT_EQ(CheckPasswordPolicy("abc", "x").error().code, "weak_password");
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  // Four CJK characters are 12 bytes but only 4 characters.
  EXPECT_EQ(Reason(CheckPasswordPolicy("招商A1", "x")), "too_short");
}

TEST(PasswordHash, VerifiesOnlyTheRightPassword) {
  ASSERT_GE(sodium_init(), 0);
  std::string h = HashPassword("Demo@2026");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(h, "Demo@2026"));
  EXPECT_FALSE(VerifyPassword(h, "demo@2026"));
  EXPECT_NE(HashPassword("Demo@2026"), h);  // salted
}

}  // namespace
}  // namespace zhaoshang::auth
