#include "zhaoshang/pipeline/investor_name.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::pipeline {
namespace {

TEST(InvestorName, StripsRegionsLegalFormsBracketsAndWidth) {
  EXPECT_EQ(NormalizeInvestorName("上海申能动力电池股份有限公司"), "申能动力电池");
  EXPECT_EQ(NormalizeInvestorName("上海申能动力电池有限公司"), "申能动力电池");
  EXPECT_EQ(NormalizeInvestorName("阿里巴巴（中国）有限公司"), "阿里巴巴");
  EXPECT_EQ(NormalizeInvestorName("腾讯科技(深圳)有限公司"), "腾讯科技");
  EXPECT_EQ(NormalizeInvestorName("安徽省安庆市宜秀区皖宜驱动电机有限公司"), "皖宜驱动电机");
  EXPECT_EQ(NormalizeInvestorName("ＡＢＣ　Ｍｏｔｏｒ（集团）股份有限公司"), "abcmotor");
  EXPECT_EQ(NormalizeInvestorName("Bosch GmbH"), "bosch");
  EXPECT_EQ(NormalizeInvestorName("奇瑞汽车集团股份有限公司"), "奇瑞汽车");
}

TEST(InvestorName, CountyNamesNeedTheirSuffix) {
  EXPECT_EQ(NormalizeInvestorName("太湖水务有限公司"), "太湖水务");
  EXPECT_EQ(NormalizeInvestorName("太湖县水务有限公司"), "水务");
}

TEST(InvestorName, NeverStripsToNothing) {
  EXPECT_EQ(NormalizeInvestorName("上海有限公司"), "上海");
  EXPECT_EQ(NormalizeInvestorName("中国"), "中国");
}

TEST(InvestorName, KeepsMeaningfulBracketContent) {
  EXPECT_EQ(NormalizeInvestorName("远景（能源）科技有限公司"), "远景能源科技");
}

TEST(InvestorName, Similarity) {
  EXPECT_DOUBLE_EQ(NameSimilarity("申能动力电池", "申能动力电池"), 1.0);
  EXPECT_GE(NameSimilarity("申能动力电池", "申能动力电池科技"),
            kCollisionThreshold);  // an added word
  EXPECT_GE(NameSimilarity("皖宜驱动电机", "皖宜驱动电极"),
            kCollisionThreshold);  // one typo in six
  EXPECT_LT(NameSimilarity("华鑫新能源科技", "远景新能源科技"),
            kCollisionThreshold);  // different companies
  EXPECT_LT(NameSimilarity("奇瑞汽车", "江淮汽车"), kCollisionThreshold);
  EXPECT_DOUBLE_EQ(NameSimilarity("", "abc"), 0.0);
}

TEST(InvestorName, Bigrams) {
  EXPECT_EQ(Bigrams("申能电池").size(), 3u);
  EXPECT_EQ(Bigrams("申").size(), 1u);
  EXPECT_EQ(Bigrams("aaaa").size(), 1u);  // distinct
}

}  // namespace
}  // namespace zhaoshang::pipeline
