#include "zhaoshang/pipeline/uscc.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::pipeline {
namespace {

// Published codes of well-known companies (from their business licences).
TEST(Uscc, AcceptsRealCodes) {
  for (const char* code : {"91440300708461136T",  // 腾讯科技（深圳）有限公司
                           "914403001922038216",  // 华为技术有限公司
                           "91330100716105852F",  // 阿里巴巴（中国）有限公司
                           "911100007109310534"})  // a central SOE (中国石油天然气股份有限公司)
    EXPECT_EQ(CheckUscc(code), UsccCheck::kValid) << code;
}

TEST(Uscc, RejectsACorruptedCharacter) {
  EXPECT_EQ(CheckUscc("91440300708461136X"), UsccCheck::kBadCheckCharacter);  // check char changed
  EXPECT_EQ(CheckUscc("91440300708461137T"), UsccCheck::kBadCheckCharacter);  // a digit changed
  EXPECT_EQ(CheckUscc("914403001922038126"), UsccCheck::kBadCheckCharacter);  // two swapped
}

TEST(Uscc, RejectsBadFormat) {
  EXPECT_EQ(CheckUscc("9144030070846113"), UsccCheck::kInvalidFormat);     // too short
  EXPECT_EQ(CheckUscc("91440300708461136TT"), UsccCheck::kInvalidFormat);  // too long
  EXPECT_EQ(CheckUscc("9144030070846113IT"), UsccCheck::kInvalidFormat);   // I is not used
  EXPECT_EQ(CheckUscc("91AB0300708461136T"), UsccCheck::kInvalidFormat);   // region not digits
  EXPECT_EQ(CheckUscc("91440300708461136t"),
            UsccCheck::kInvalidFormat);  // lower case before normalising
  EXPECT_EQ(CheckUscc(NormalizeUscc(" 9144 0300 7084 6113 6t ")), UsccCheck::kValid);
}

TEST(Uscc, CheckCharacterIsComputed) {
  EXPECT_EQ(UsccCheckCharacter("91440300708461136"), 'T');
  EXPECT_EQ(UsccCheckCharacter("91440300708461I36"), '\0');
}

}  // namespace
}  // namespace zhaoshang::pipeline
