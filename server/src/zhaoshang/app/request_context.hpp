#pragma once
// What a route handler receives: the request, the logged-in user, path parameters.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/http/message.hpp"
#include "zhaoshang/http/router.hpp"

namespace zhaoshang {

struct RequestContext {
  const http::Request& req;
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
using Handler = std::function<http::Response(RequestContext&)>;

// Handlers hold the services they call, never the App: a module's routes file declares
// `struct Deps { FooService& foo; … }`, its handlers take `(const Deps&, RequestContext&)`, and
// registration binds them with `auto with = BindTo(deps); r.Add(…, with(Handler));`.
template <class Deps>
auto BindTo(const Deps& d) {
  return [d](http::Response (*h)(const Deps&, RequestContext&)) -> Handler {
    return [d, h](RequestContext& ctx) { return h(d, ctx); };
  };
}

// Decimal digits only, at most 18 of them (ids, versions, epoch ms); nullopt otherwise.
std::optional<int64_t> ParseDigits(const std::string& s);

struct PageParams {
  int64_t page = 1, page_size = 20, offset = 0;
};
Result<PageParams> ParsePage(const http::Request& req);

// A comma list of codes from the query (`status=open,accepted`); a code outside `allowed` sets
// (*bad)[key] = "invalid_value".
std::vector<std::string> ReadCodeList(const http::Request& req, const std::string& key,
                                      const std::set<std::string>& allowed,
                                      std::map<std::string, std::string>* bad);

// A JSON body's "contacts": [{name, phone, title}] (≤ 3 keys each); errors go to `in`.
struct ContactFields {
  std::string name, phone, title;
};
class JsonInput;
std::optional<std::vector<ContactFields>> ReadContacts(JsonInput& in,
                                                       const boost::json::object& raw);

}  // namespace zhaoshang
