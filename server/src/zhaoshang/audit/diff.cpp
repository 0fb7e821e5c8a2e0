#include "zhaoshang/audit/diff.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace zhaoshang::audit {

std::string Diff::Json() const {
  boost::json::object o;
  for (const auto& c : changes_) {
    boost::json::object fr;
    fr["from"] = c.from ? boost::json::value(*c.from) : boost::json::value(nullptr);
    fr["to"] = c.to ? boost::json::value(*c.to) : boost::json::value(nullptr);
    o[c.field] = std::move(fr);
  }
  return boost::json::serialize(o);
}

std::string JoinRoles(const std::vector<std::string>& roles) {
  std::string s;
  for (const auto& r : roles) s += (s.empty() ? "" : ",") + r;
  return s;
}

}  // namespace zhaoshang::audit
