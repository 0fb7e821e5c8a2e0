#pragma once
// Plain request/response values: handlers and tests use these, never Beast types, so
// Beast's heavy headers stay inside http/server.cpp.
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boost::json {
class value;
}

namespace zhaoshang {
struct Error;
}

namespace zhaoshang::http {

struct Request {
  std::string method;                          // "GET"
  std::string target;                          // raw "/api/v1/users?page=2"
  std::string path;                            // decoded "/api/v1/users"
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote;  // source address
  std::string request_id;

  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string Query(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
  std::string Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// The media type of a Content-Type value, lower-cased, without parameters or spaces:
// "Application/JSON; charset=UTF-8" → "application/json" (media types are case-insensitive).
std::string MediaType(std::string_view content_type);

// The client's address: `peer` itself, unless peer is one of `trusted_proxies` (comma-separated)
// and X-Forwarded-For is set; then the right-most address there that is not a trusted proxy
// (what the nearest untrusted hop said; left-most entries are the client's own claims).
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          std::string_view trusted_proxies);

// Splits target into path + query (percent-decoded, Boost.URL). False if malformed.
bool ParseTarget(Request& req);

Response JsonResponse(int status, const boost::json::value& v);
Response NoContent();
// A file the browser saves (Content-Disposition: attachment) under `name` (UTF-8, RFC 5987),
// with `ascii_name` for clients that cannot read that; the content type is never sniffed.
Response FileResponse(std::string bytes, std::string content_type, const std::string& ascii_name,
                      const std::string& name);
Response ErrorResponse(const Error& e);
int StatusOf(const Error& e);

// The security headers every response carries; HSTS when the site is served over HTTPS.
void AddSecurityHeaders(Response& r, bool https);

}  // namespace zhaoshang::http
