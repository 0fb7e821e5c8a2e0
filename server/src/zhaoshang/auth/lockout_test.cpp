#include "zhaoshang/auth/lockout.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::auth {
namespace {

TEST(Lockout, FifthFailureFromOneAddressLocksItForFifteenMinutes) {
  LockoutPolicy p;  // 5 failures, 15 minutes
  LockState s;
  const int64_t t = 1'000'000;
  for (int i = 1; i <= 4; ++i) {
    s = AfterSourceFailure(s, p, t + i);
    EXPECT_FALSE(IsLocked(s, t + i)) << "after failure " << i;
    EXPECT_EQ(s.failed_count, i);
  }
  s = AfterSourceFailure(s, p, t + 5);
  ASSERT_TRUE(IsLocked(s, t + 5));
  EXPECT_FALSE(s.retry_at.has_value());
  EXPECT_EQ(*s.locked_until, t + 5 + int64_t{15} * 60 * 1000);
  EXPECT_TRUE(IsLocked(s, t + 5 + int64_t{15} * 60 * 1000 - 1));
  EXPECT_FALSE(IsLocked(s, t + 5 + int64_t{15} * 60 * 1000));
}

TEST(Lockout, DelaysGrowAfterTheFreeFailures) {
  LockoutPolicy p;  // 2 free, then 1 s, 2 s; the 5th locks
  LockState s = AfterSourceFailure(AfterSourceFailure({}, p, 0), p, 0);
  EXPECT_EQ(WaitMs(s, 0), 0);
  s = AfterSourceFailure(s, p, 100);
  EXPECT_EQ(*s.retry_at, 1100);
  EXPECT_EQ(WaitMs(s, 600), 500);
  EXPECT_FALSE(IsLocked(s, 600));  // a delay is not a lock
  s = AfterSourceFailure(s, p, 2000);
  EXPECT_EQ(*s.retry_at, 4000);
  s = AfterSourceFailure(s, p, 5000);
  EXPECT_TRUE(IsLocked(s, 5000));
  EXPECT_EQ(WaitMs(s, 5000), p.lock_ms);
}

TEST(Lockout, TheAccountCeilingIsHigherAndHasNoDelays) {
  LockoutPolicy p;
  LockState s;
  for (int i = 1; i < p.account_ceiling; ++i) {
    s = AfterAccountFailure(s, p, i);
    ASSERT_EQ(WaitMs(s, i), 0) << i;
  }
  s = AfterAccountFailure(s, p, 100);
  EXPECT_TRUE(IsLocked(s, 100));
  EXPECT_EQ(*s.locked_until, 100 + p.lock_ms);
}

TEST(Lockout, TheAccountCountRestartsAfterAQuietSpell) {
  LockoutPolicy p;
  LockState s;
  int64_t t = 0;
  // One address: five failures, locked out for 15 minutes, five more, … never the ceiling.
  for (int round = 0; round < 30; ++round) {
    for (int i = 0; i < p.max_failures; ++i) s = AfterAccountFailure(s, p, t + int64_t{i} * 4000);
    ASSERT_FALSE(IsLocked(s, t + 20000)) << round;
    t += p.lock_ms + 20000;
  }
  EXPECT_LE(s.failed_count, p.max_failures);
}

TEST(Lockout, ExpiredLockStartsAfresh) {
  LockoutPolicy p{3, 1000};
  LockState s;
  for (int i = 0; i < 3; ++i) s = AfterSourceFailure(s, p, 0);
  ASSERT_TRUE(IsLocked(s, 10));
  s = AfterSourceFailure(s, p, 5000);  // lock expired: this is failure 1 of a new run
  EXPECT_FALSE(IsLocked(s, 5000));
  EXPECT_EQ(s.failed_count, 1);
}

TEST(Lockout, SuccessResets) {
  LockoutPolicy p;
  LockState s = AfterSourceFailure(AfterSourceFailure({}, p, 0), p, 1);
  EXPECT_EQ(s.failed_count, 2);
  s = AfterSuccess();
  EXPECT_EQ(s.failed_count, 0);
  EXPECT_FALSE(s.locked_until.has_value());
}

TEST(RateLimiter, LimitsPerAddressPerMinute) {
  RateLimiter r(3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(r.Allow("1.1.1.1", 100));
  int64_t wait = 0;
  EXPECT_FALSE(r.Allow("1.1.1.1", 200, &wait));
  EXPECT_EQ(wait, 59900);                  // until the window that began at 100 ends
  EXPECT_TRUE(r.Allow("2.2.2.2", 200));    // another address has its own budget
  EXPECT_TRUE(r.Allow("1.1.1.1", 60100));  // next window
}

TEST(RateLimiter, ZeroMeansOff) {
  RateLimiter r(0);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(r.Allow("a", 0));
}

}  // namespace
}  // namespace zhaoshang::auth
