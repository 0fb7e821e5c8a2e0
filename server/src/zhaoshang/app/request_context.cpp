#include "zhaoshang/app/request_context.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace zhaoshang {

std::optional<int64_t> ParseDigits(const std::string& s) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

std::optional<int64_t> RequestContext::IdParam(size_t i) const {
  if (i >= params.size()) return std::nullopt;
  auto v = ParseDigits(params[i]);
  return v && *v > 0 ? v : std::nullopt;
}

Result<PageParams> ParsePage(const http::Request& req) {
  PageParams p;
  auto num = [&](const char* name, int64_t& out, int64_t max) -> bool {
    std::string s = req.Query(name);
    if (s.empty()) return true;
    auto v = ParseDigits(s);
    if (!v) return false;
    out = *v;
    return out >= 1 && out <= max;
  };
  std::map<std::string, std::string> bad;
  if (!num("page", p.page, 1000000)) bad["page"] = "invalid_value";
  if (!num("page_size", p.page_size, 200)) bad["page_size"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  p.offset = (p.page - 1) * p.page_size;
  return p;
}

std::vector<std::string> ReadCodeList(const http::Request& req, const std::string& key,
                                      const std::set<std::string>& allowed,
                                      std::map<std::string, std::string>* bad) {
  std::vector<std::string> out;
  const std::string list = req.Query(key);
  for (size_t pos = 0; pos < list.size();) {
    size_t end = list.find(',', pos);
    if (end == std::string::npos) end = list.size();
    std::string code = list.substr(pos, end - pos);
    if (!allowed.count(code)) (*bad)[key] = "invalid_value";
    out.push_back(std::move(code));
    pos = end + 1;
  }
  return out;
}

}  // namespace zhaoshang
