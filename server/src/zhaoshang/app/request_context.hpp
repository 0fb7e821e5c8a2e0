#pragma once
// What a route handler receives: the request, the logged-in user, path parameters.
#include <optional>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/http/message.hpp"
#include "zhaoshang/http/router.hpp"

namespace zhaoshang {

class App;

struct RequestContext {
  const http::Request& req;
  App& app;
  std::optional<auth::Principal> principal;
  std::vector<std::string> params;
  std::vector<std::pair<std::string, std::string>> extra_headers;  // e.g. Set-Cookie

  zhaoshang::Actor Actor() const {
    return principal ? auth::ActorOf(*principal, req.remote, req.request_id)
                     : zhaoshang::Actor{0, "", "", req.remote, req.request_id};
  }
  // Numeric path parameter; nullopt when not a positive integer.
  std::optional<int64_t> IdParam(size_t i) const;
};

using AppRouter = http::Router<RequestContext>;

// Decimal digits only, at most 18 of them (ids, versions, epoch ms); nullopt otherwise.
std::optional<int64_t> ParseDigits(const std::string& s);

struct PageParams {
  int64_t page = 1, page_size = 20, offset = 0;
};
Result<PageParams> ParsePage(const http::Request& req);

// A JSON body's "contacts": [{name, phone, title}] (≤ 3 keys each); errors go to `in`.
struct ContactFields {
  std::string name, phone, title;
};
class JsonInput;
std::optional<std::vector<ContactFields>> ReadContacts(JsonInput& in,
                                                       const boost::json::object& raw);

// Route registration, one function per module.
void RegisterAuthRoutes(AppRouter& r);
void RegisterOrgRoutes(AppRouter& r);
void RegisterAuditRoutes(AppRouter& r);
void RegisterSystemRoutes(AppRouter& r);
void RegisterCatalogRoutes(AppRouter& r);
void RegisterProjectExcelRoutes(AppRouter& r);
void RegisterMatchingRoutes(AppRouter& r);
void RegisterReviewRoutes(AppRouter& r);

}  // namespace zhaoshang
