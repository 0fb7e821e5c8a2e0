#include "zhaoshang/notify/robot_message.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "zhaoshang/core/random.hpp"

namespace zhaoshang::notify {
namespace json = boost::json;

const std::vector<std::string_view>& RobotKinds() {
  static const std::vector<std::string_view> k = {kWeCom, kDingTalk};
  return k;
}

bool IsRobotUrl(const std::string& url) {
  if (url.size() > 1000) return false;
  auto u = boost::urls::parse_absolute_uri(url);
  if (!u) return false;
  const auto scheme = u->scheme();
  if (scheme != "http" && scheme != "https") return false;
  return u->has_authority() && !u->host().empty() && !u->has_userinfo();
}

std::string ShownRobotUrl(const std::string& url) { return url.substr(0, url.find('?')); }

std::string RobotBody(std::string_view kind, const std::string& title, const std::string& text) {
  json::object md;
  if (kind == kDingTalk) {
    md["title"] = title;
    md["text"] = text;
  } else {
    md["content"] = text;
  }
  return json::serialize(json::object{{"msgtype", "markdown"}, {"markdown", std::move(md)}});
}

namespace {
std::string PercentEncode(const std::string& s) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}
}  // namespace

std::string SignedUrl(std::string_view kind, const std::string& url, const std::string& secret,
                      int64_t now_ms) {
  if (kind != kDingTalk || secret.empty()) return url;
  const std::string ts = std::to_string(now_ms);
  const std::string sign = PercentEncode(Base64(HmacSha256(secret, ts + "\n" + secret)));
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "timestamp=" + ts +
         "&sign=" + sign;
}

bool RobotAccepted(int status, const std::string& body) {
  if (status < 200 || status > 299) return false;
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  if (ec || !v.is_object()) return true;  // a 2xx without JSON: taken
  const auto* code = v.as_object().if_contains("errcode");
  return code == nullptr || (code->is_int64() && code->as_int64() == 0);
}

std::optional<int64_t> RetryDelayMs(int failed_attempts) {
  if (failed_attempts < 1 || failed_attempts >= kMaxAttempts) return std::nullopt;
  return int64_t{60'000} << (failed_attempts - 1);
}

std::string RobotMarkdown(std::string_view kind_label, const std::string& title,
                          const std::string& link) {
  // A subject is typed by people: it may not break the quote or add links of its own.
  std::string subject;
  for (char ch : title) {
    if (ch == '\n' || ch == '\r')
      subject += ' ';
    else if (ch == '[')
      subject += "【";
    else if (ch == ']')
      subject += "】";
    else if (ch == '(')
      subject += "（";
    else if (ch == ')')
      subject += "）";
    else if (ch != '*' && ch != '`' && ch != '<' && ch != '>')
      subject += ch;
  }
  std::string out = "**【招商】" + std::string(kind_label) + "**\n\n> " + subject;
  if (!link.empty()) out += "\n\n[前往处理](" + link + ")";
  return out;
}

}  // namespace zhaoshang::notify
