#include "zhaoshang/auth/lockout.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::auth {
namespace {

TEST(Lockout, FifthFailureLocksForFifteenMinutes) {
  LockoutPolicy p;  // 5 failures, 15 minutes
  LockState s;
  const int64_t t = 1'000'000;
  for (int i = 1; i <= 4; ++i) {
    s = AfterFailure(s, p, t + i);
    EXPECT_FALSE(IsLocked(s, t + i)) << "after failure " << i;
    EXPECT_EQ(s.failed_count, i);
  }
  s = AfterFailure(s, p, t + 5);
  ASSERT_TRUE(IsLocked(s, t + 5));
  EXPECT_EQ(*s.locked_until, t + 5 + 15 * 60 * 1000);
  EXPECT_TRUE(IsLocked(s, t + 5 + 15 * 60 * 1000 - 1));
  EXPECT_FALSE(IsLocked(s, t + 5 + 15 * 60 * 1000));
}

TEST(Lockout, ExpiredLockStartsAfresh) {
  LockoutPolicy p{3, 1000};
  LockState s;
  for (int i = 0; i < 3; ++i) s = AfterFailure(s, p, 0);
  ASSERT_TRUE(IsLocked(s, 10));
  s = AfterFailure(s, p, 5000);  // lock expired: this is failure 1 of a new run
  EXPECT_FALSE(IsLocked(s, 5000));
  EXPECT_EQ(s.failed_count, 1);
}

TEST(Lockout, SuccessResets) {
  LockoutPolicy p;
  LockState s = AfterFailure(AfterFailure({}, p, 0), p, 1);
  EXPECT_EQ(s.failed_count, 2);
  s = AfterSuccess();
  EXPECT_EQ(s.failed_count, 0);
  EXPECT_FALSE(s.locked_until.has_value());
}

TEST(RateLimiter, LimitsPerAddressPerMinute) {
  RateLimiter r(3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(r.Allow("1.1.1.1", 100));
  EXPECT_FALSE(r.Allow("1.1.1.1", 200));
  EXPECT_TRUE(r.Allow("2.2.2.2", 200));    // another address has its own budget
  EXPECT_TRUE(r.Allow("1.1.1.1", 60100));  // next window
}

TEST(RateLimiter, ZeroMeansOff) {
  RateLimiter r(0);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(r.Allow("a", 0));
}

}  // namespace
}  // namespace zhaoshang::auth
