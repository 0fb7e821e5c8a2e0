#include "zhaoshang/http/message.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>

#include "zhaoshang/core/error.hpp"
#include "zhaoshang/core/text.hpp"

namespace zhaoshang::http {
namespace json = boost::json;

std::string Request::Cookie(const std::string& name) const {
  std::string all = Header("cookie");
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string_view part(all.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

namespace {
std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::string MediaType(std::string_view ct) {
  ct = TrimSpace(ct.substr(0, ct.find(';')));
  std::string out;
  for (char ch : ct) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

namespace {
std::vector<std::string> SplitTrimmed(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = std::min(s.find(',', pos), s.size());
    std::string_view item = TrimSpace(s.substr(pos, end - pos));
    if (!item.empty()) out.emplace_back(item);
    pos = end + 1;
  }
  return out;
}

bool LooksLikeAddress(const std::string& a) {
  return !a.empty() && a.size() <= 45 &&
         a.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos;
}
}  // namespace

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          std::string_view trusted_proxies) {
  if (forwarded_for.empty() || trusted_proxies.empty()) return peer;  // the common case
  const auto trusted = SplitTrimmed(trusted_proxies);
  auto is_trusted = [&](const std::string& a) {
    return std::find(trusted.begin(), trusted.end(), a) != trusted.end();
  };
  if (!is_trusted(peer)) return peer;
  const auto hops = SplitTrimmed(forwarded_for);
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (is_trusted(*it)) continue;
    return LooksLikeAddress(*it) ? *it : peer;
  }
  return peer;
}

bool ParseTarget(Request& req) {
  auto r = boost::urls::parse_origin_form(req.target);
  if (!r) return false;
  // path() returns a decoded std::string by value: keep it (STACK-NOTES pitfall 1).
  req.path = r->path();
  // Decoded text must be UTF-8 without control characters: %00 would cut a value at the NUL
  // on PostgreSQL, and invalid UTF-8 is refused there with an error.
  if (!SanitizeText(req.path, TextKind::kLine)) return false;
  // A repeated key (stage=a&stage=b) reads as the comma list "a,b".
  for (auto p : r->params()) {
    std::string key(p.key), value(p.value);
    if (!SanitizeText(key, TextKind::kLine) || !SanitizeText(value, TextKind::kLine)) return false;
    auto [it, fresh] = req.query.emplace(std::move(key), value);
    if (!fresh) it->second += "," + value;
  }
  return true;
}

Response JsonResponse(int status, const json::value& v) {
  Response r;
  r.status = status;
  r.body = json::serialize(v);
  return r;
}

namespace {
std::string PercentEncode(const std::string& s) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}
}  // namespace

Response FileResponse(std::string bytes, std::string content_type, const std::string& ascii_name,
                      const std::string& name) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(bytes);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + ascii_name +
                                                    "\"; filename*=UTF-8''" + PercentEncode(name));
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

int StatusOf(const Error& e) {
  switch (e.kind) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kLocked:
      return 423;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& e) {
  json::object fields;
  for (const auto& [k, v] : e.fields) fields[k] = v;
  json::object err{{"code", e.code}, {"message", e.message}, {"fields", std::move(fields)}};
  Response r = JsonResponse(StatusOf(e), json::object{{"error", std::move(err)}});
  if (e.retry_after_ms > 0)  // whole seconds, rounded up (RFC 9110 §10.2.3)
    r.headers.emplace_back("Retry-After", std::to_string((e.retry_after_ms + 999) / 1000));
  return r;
}

void AddSecurityHeaders(http::Response& r, bool https) {
  if (https) r.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  // Element Plus sets inline styles, so style-src needs 'unsafe-inline'; scripts do not.
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                         "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                         "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
}

}  // namespace zhaoshang::http
