// Group-robot messages. The DingTalk signature was computed apart from this code (Python's hmac,
// hashlib and base64 on the same timestamp and secret).
#include "zhaoshang/notify/robot_message.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace zhaoshang::notify {
namespace {
namespace json = boost::json;

TEST(RobotMessage, OnlyHttpUrlsWithAHostAndNoCredentials) {
  EXPECT_TRUE(IsRobotUrl("https://robot.example/send?access_token=abc"));
  EXPECT_TRUE(IsRobotUrl("http://127.0.0.1:9000/hook"));
  EXPECT_FALSE(IsRobotUrl("ftp://robot.example/send"));
  EXPECT_FALSE(IsRobotUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsRobotUrl("https://user:pw@robot.example/send"));
  EXPECT_FALSE(IsRobotUrl("robot.example/send"));
  EXPECT_FALSE(IsRobotUrl(""));
  EXPECT_FALSE(IsRobotUrl("https:///nohost"));
}

TEST(RobotMessage, BodiesInEachRobotsMarkdownFormat) {
  auto wecom = json::parse(RobotBody(kWeCom, "T", "**x**")).as_object();
  EXPECT_EQ(wecom.at("msgtype"), "markdown");
  EXPECT_EQ(wecom.at("markdown").at("content"), "**x**");
  auto ding = json::parse(RobotBody(kDingTalk, "T", "**x**")).as_object();
  EXPECT_EQ(ding.at("markdown").at("title"), "T");
  EXPECT_EQ(ding.at("markdown").at("text"), "**x**");
}

TEST(RobotMessage, DingTalkSignsWithTimestampAndSecret) {
  EXPECT_EQ(SignedUrl(kDingTalk, "https://r.example/robot/send?access_token=t",
                      "SEC0123456789abcdef", 1577262236757),
            "https://r.example/robot/send?access_token=t&timestamp=1577262236757"
            "&sign=Pgr6tpIpjVrMPPJUPkaI9sivFPPTYOy5zIOMF2GPFMA%3D");
  EXPECT_EQ(SignedUrl(kDingTalk, "https://r.example/s", "", 1), "https://r.example/s");
  EXPECT_EQ(SignedUrl(kWeCom, "https://r.example/s", "SEC", 1), "https://r.example/s");
}

TEST(RobotMessage, AcceptedOnlyOnA2xxWithoutAnErrorCode) {
  EXPECT_TRUE(RobotAccepted(200, R"({"errcode":0,"errmsg":"ok"})"));
  EXPECT_TRUE(RobotAccepted(204, ""));
  EXPECT_FALSE(RobotAccepted(200, R"({"errcode":310000,"errmsg":"sign not match"})"));
  EXPECT_FALSE(RobotAccepted(500, R"({"errcode":0})"));
  EXPECT_FALSE(RobotAccepted(404, ""));
}

TEST(RobotMessage, RetriesBackOffExponentiallyThenStop) {
  EXPECT_FALSE(RetryDelayMs(0));
  EXPECT_EQ(RetryDelayMs(1), 60'000);
  EXPECT_EQ(RetryDelayMs(2), 120'000);
  EXPECT_EQ(RetryDelayMs(5), 960'000);
  EXPECT_FALSE(RetryDelayMs(kMaxAttempts));
}

TEST(RobotMessage, ASubjectCannotBreakTheMarkdown) {
  EXPECT_EQ(RobotMarkdown("要素保障待办理", "项目[A](http://x)\n**B**", ""),
            "**【招商】要素保障待办理**\n\n> 项目【A】（http://x） B");
  EXPECT_EQ(RobotMarkdown("督办", "P", "https://zs.example/p/1"),
            "**【招商】督办**\n\n> P\n\n[前往处理](https://zs.example/p/1)");
}

}  // namespace
}  // namespace zhaoshang::notify
