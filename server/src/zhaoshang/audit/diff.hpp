#pragma once
// Builds the before/after difference stored with an audit row.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zhaoshang::audit {

class Diff {
 public:
  // Records the field only when it changed; nullopt = absent.
  Diff& Change(const std::string& field, std::optional<std::string> from,
               std::optional<std::string> to) {
    if (from != to) changes_.push_back({field, std::move(from), std::move(to)});
    return *this;
  }
  Diff& Created(const std::string& field, std::string value) {
    return Change(field, std::nullopt, std::move(value));
  }
  bool empty() const { return changes_.empty(); }
  // {"field":{"from":…,"to":…}}
  std::string Json() const;

 private:
  struct Item {
    std::string field;
    std::optional<std::string> from, to;
  };
  std::vector<Item> changes_;
};

std::string JoinRoles(const std::vector<std::string>& roles);

}  // namespace zhaoshang::audit
