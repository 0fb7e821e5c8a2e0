#include "zhaoshang/http/router.hpp"

#include <string_view>

namespace zhaoshang::http {

bool MatchPattern(const std::string& pattern, const std::string& path,
                  std::vector<std::string>& params) {
  std::string_view p(pattern), s(path);
  while (!p.empty() || !s.empty()) {
    if (p.empty() || s.empty() || p.front() != '/' || s.front() != '/') return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
    size_t pe = p.find('/'), se = s.find('/');
    std::string_view pseg = p.substr(0, pe), sseg = s.substr(0, se);
    if (pseg.size() > 2 && pseg.front() == '{' && pseg.back() == '}') {
      if (sseg.empty()) return false;
      params.emplace_back(sseg);
    } else if (pseg != sseg) {
      return false;
    }
    p.remove_prefix(pseg.size());
    s.remove_prefix(sseg.size());
  }
  return true;
}

}  // namespace zhaoshang::http
