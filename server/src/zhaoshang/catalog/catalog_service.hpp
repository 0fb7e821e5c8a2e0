#pragma once
// Leading industries (首位产业) and their chain nodes, editable by the coordinator.
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/catalog/catalog_types.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::catalog {

class CatalogService {
 public:
  CatalogService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  std::vector<LeadingIndustry> List();
  // The same on a connection the caller holds (inside its transaction).
  static std::vector<LeadingIndustry> ListIn(db::Connection& c);
  Result<LeadingIndustry> CreateIndustry(const Actor& a, const std::string& name,
                                         const std::string& description);
  Result<LeadingIndustry> UpdateIndustry(const Actor& a, int64_t id,
                                         std::optional<std::string> name,
                                         std::optional<std::string> description, int64_t version);
  // Only a leading industry without chain nodes and without projects can go.
  Status DeleteIndustry(const Actor& a, int64_t id, int64_t version);
  Result<ChainNode> CreateNode(const Actor& a, int64_t industry_id, const std::string& segment,
                               const std::string& name, const std::vector<std::string>& codes);
  Result<ChainNode> UpdateNode(const Actor& a, int64_t id, std::optional<std::string> segment,
                               std::optional<std::string> name,
                               std::optional<std::vector<std::string>> codes, int64_t version);
  Status DeleteNode(const Actor& a, int64_t id, int64_t version);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::catalog
