#pragma once
// Route table: method + pattern ("/api/v1/users/{id}") + the permission it needs.
// The table is data so the authorization matrix test can list every route.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/http/message.hpp"

namespace zhaoshang::http {

// Who may call a route at all; the handler then applies the data scope.
inline constexpr const char* kPublic = "public";                // no session needed
inline constexpr const char* kAuthenticated = "authenticated";  // any logged-in user
// Any logged-in user, even one who must change the password before anything else (the own
// account's routes: who am I, change password, log out).
inline constexpr const char* kSelfService = "self_service";

template <typename Ctx>
struct Route {
  std::string method;
  std::string pattern;
  std::string permission;  // kPublic, kAuthenticated or a permission name
  std::function<Response(Ctx&)> handler;
  bool raw_body = false;  // takes a file upload instead of a JSON body
};

struct Match {
  int route_index = -1;
  bool path_known = false;  // the path exists with another method → 405
  std::vector<std::string> params;
};

// Matches a path against patterns of "/"-separated literal or {param} segments.
bool MatchPattern(const std::string& pattern, const std::string& path,
                  std::vector<std::string>& params);

template <typename Ctx>
class Router {
 public:
  void Add(std::string method, std::string pattern, std::string permission,
           std::function<Response(Ctx&)> h, bool raw_body = false) {
    routes_.push_back(
        {std::move(method), std::move(pattern), std::move(permission), std::move(h), raw_body});
  }
  Match Find(const std::string& method, const std::string& path) const {
    Match m;
    for (size_t i = 0; i < routes_.size(); ++i) {
      std::vector<std::string> params;
      if (!MatchPattern(routes_[i].pattern, path, params)) continue;
      m.path_known = true;
      if (routes_[i].method == method) {
        m.route_index = static_cast<int>(i);
        m.params = std::move(params);
        return m;
      }
    }
    return m;
  }
  // "GET, POST": the methods a path answers, for the Allow header of a 405.
  std::string AllowedMethods(const std::string& path) const {
    std::string out;
    std::vector<std::string> params;
    for (const auto& r : routes_)
      if (MatchPattern(r.pattern, path, params) && out.find(r.method) == std::string::npos)
        out += (out.empty() ? "" : ", ") + r.method;
    return out;
  }
  const std::vector<Route<Ctx>>& routes() const { return routes_; }

 private:
  std::vector<Route<Ctx>> routes_;
};

}  // namespace zhaoshang::http
