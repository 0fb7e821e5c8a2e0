#include "zhaoshang/http/message.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>

#include "zhaoshang/core/error.hpp"

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

bool ParseTarget(Request& req) {
  auto r = boost::urls::parse_origin_form(req.target);
  if (!r) return false;
  // path() returns a decoded std::string by value: keep it (STACK-NOTES pitfall 1).
  req.path = r->path();
  // A repeated key (stage=a&stage=b) reads as the comma list "a,b".
  for (auto p : r->params()) {
    auto [it, fresh] = req.query.emplace(std::string(p.key), std::string(p.value));
    if (!fresh) it->second += "," + std::string(p.value);
  }
  return true;
}

Response JsonResponse(int status, const json::value& v) {
  Response r;
  r.status = status;
  r.body = json::serialize(v);
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
  return JsonResponse(StatusOf(e), json::object{{"error", std::move(err)}});
}

}  // namespace zhaoshang::http
