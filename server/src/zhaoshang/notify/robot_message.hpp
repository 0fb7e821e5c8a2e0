#pragma once
// Group-robot messages (企业微信 / 钉钉 群机器人), pure: the URL check, the markdown bodies in each
// robot's format, DingTalk's signed request (timestamp + HMAC-SHA256 of the secret), whether the
// robot accepted, and the retry schedule. The delivery job (delivery_service) sends them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::notify {

inline constexpr std::string_view kWeCom = "wecom";
inline constexpr std::string_view kDingTalk = "dingtalk";
const std::vector<std::string_view>& RobotKinds();

// An http(s) URL with a host and no credentials; anything else is refused (field "url").
bool IsRobotUrl(const std::string& url);
// The URL as it may be shown or audited: without its query, which carries the robot's token.
std::string ShownRobotUrl(const std::string& url);

// The request body: WeCom {"msgtype":"markdown","markdown":{"content"}}, DingTalk
// {"msgtype":"markdown","markdown":{"title","text"}}.
std::string RobotBody(std::string_view kind, const std::string& title, const std::string& text);

// DingTalk with a secret: the URL with &timestamp=…&sign=… appended, sign = urlencode(base64(
// HMAC-SHA256(secret, timestamp + "\n" + secret))). Without a secret (or for WeCom): the URL.
std::string SignedUrl(std::string_view kind, const std::string& url, const std::string& secret,
                      int64_t now_ms);

// The robot took the message: a 2xx answer whose JSON errcode (when present) is 0.
bool RobotAccepted(int status, const std::string& body);

// Retries: the wait before attempt n+1 after n failed attempts (1, 2, 4, 8, 16 minutes);
// none after the last attempt (the delivery is then "failed").
inline constexpr int kMaxAttempts = 6;
std::optional<int64_t> RetryDelayMs(int failed_attempts);

// The markdown of a notification for a group: the kind's Chinese name, the subject, a link.
std::string RobotMarkdown(std::string_view kind_label, const std::string& title,
                          const std::string& link);

}  // namespace zhaoshang::notify
