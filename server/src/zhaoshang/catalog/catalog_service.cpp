#include "zhaoshang/catalog/catalog_service.hpp"

#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/catalog/catalog_store.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/db/change_feed.hpp"

namespace zhaoshang::catalog {
namespace {
Status CheckText(const char* field, const std::string& v, size_t max) {
  if (v.find_first_not_of(" \t") == std::string::npos)
    return Fail(InvalidArgument({{field, "required"}}));
  if (Utf8Length(v) > max) return Fail(InvalidArgument({{field, "too_long"}}));
  return {};
}
Status CheckCodes(const std::vector<std::string>& codes) {
  if (codes.empty() || codes.size() > 20)
    return Fail(InvalidArgument({{"codes", codes.empty() ? "required" : "too_many"}}));
  for (const auto& c : codes)
    if (!Industries::Embedded().Find(c))
      return Fail(InvalidArgument({{"codes", "invalid_value"}}, "unknown GB/T 4754 code " + c));
  return {};
}
bool Duplicate(const db::DbError& e) { return e.unique_violation(); }
}  // namespace

std::vector<LeadingIndustry> CatalogService::List() {
  auto c = db_.Acquire();
  return ListIn(*c);
}

std::vector<LeadingIndustry> CatalogService::ListIn(db::Connection& conn) {
  return store::ListLeading(conn);
}

Result<LeadingIndustry> CatalogService::CreateIndustry(const Actor& a, const std::string& name,
                                                       const std::string& description) {
  if (auto st = CheckText("name", name, 50); !st) return Fail(st.error());
  if (Utf8Length(description) > 500) return Fail(InvalidArgument({{"description", "too_long"}}));
  auto c = db_.Acquire();
  const int64_t now = clock_.NowMs();
  db::Transaction tx(*c, true);
  if (store::LeadingNameTaken(*c, name))
    return Fail(ErrorCode::kConflict, "already_exists", "name already used",
                {{"name", "already_exists"}});
  int64_t id = store::InsertLeading(*c, name, description, now);
  audit::Diff d;
  d.Created("name", name);
  audit::Append(*c, now, a,
                {"catalog.industry_create", "leading_industry", std::to_string(id), d.Json()});
  tx.Commit();
  return LeadingIndustry{id, name, description, 1, {}};
}

Result<LeadingIndustry> CatalogService::UpdateIndustry(const Actor& a, int64_t id,
                                                       std::optional<std::string> name,
                                                       std::optional<std::string> description,
                                                       int64_t version) {
  if (name)
    if (auto st = CheckText("name", *name, 50); !st) return Fail(st.error());
  if (description && Utf8Length(*description) > 500)
    return Fail(InvalidArgument({{"description", "too_long"}}));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetLeading(*c, id);
  if (!before) return Fail(NotFound("leading industry not found"));
  if (before->version != version) return Fail(VersionConflict());
  LeadingIndustry li{
      id, name.value_or(before->name), description.value_or(before->description), version + 1, {}};
  const int64_t now = clock_.NowMs();
  try {
    if (!store::UpdateLeading(*c, id, version, li.name, li.description, now))
      return Fail(VersionConflict());
    db::RecordChange(*c, db::kNamesChanged);  // project rows show the name
  } catch (const db::DbError& e) {
    if (!Duplicate(e)) throw;
    return Fail(ErrorCode::kConflict, "already_exists", "name already used",
                {{"name", "already_exists"}});
  }
  audit::Diff d;
  d.Change("name", before->name, li.name)
      .Change("description", before->description, li.description);
  audit::Append(*c, now, a,
                {"catalog.industry_update", "leading_industry", std::to_string(id), d.Json()});
  tx.Commit();
  return li;
}

Status CatalogService::DeleteIndustry(const Actor& a, int64_t id, int64_t version) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetLeading(*c, id);
  if (!before) return Fail(NotFound("leading industry not found"));
  if (before->version != version) return Fail(VersionConflict());
  if (store::LeadingInUse(*c, id))
    return Fail(ErrorCode::kConflict, "in_use",
                "delete its chain nodes first; no project may refer to it");
  store::DeleteLeading(*c, id);
  audit::Diff d;
  d.Change("name", before->name, std::nullopt);
  audit::Append(*c, clock_.NowMs(), a,
                {"catalog.industry_delete", "leading_industry", std::to_string(id), d.Json()});
  tx.Commit();
  return {};
}

Result<ChainNode> CatalogService::CreateNode(const Actor& a, int64_t industry_id,
                                             const std::string& segment, const std::string& name,
                                             const std::vector<std::string>& codes) {
  if (auto st = CheckText("segment", segment, 20); !st) return Fail(st.error());
  if (auto st = CheckText("name", name, 50); !st) return Fail(st.error());
  if (auto st = CheckCodes(codes); !st) return Fail(st.error());
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (!store::LeadingExists(*c, industry_id)) return Fail(NotFound("leading industry not found"));
  const int64_t now = clock_.NowMs();
  int64_t id = store::InsertNode(*c, industry_id, segment, name, JoinCodes(codes), now);
  audit::Diff d;
  d.Created("name", name).Created("codes", JoinCodes(codes));
  audit::Append(*c, now, a, {"catalog.node_create", "chain_node", std::to_string(id), d.Json()});
  tx.Commit();
  return ChainNode{id, industry_id, segment, name, codes, 1};
}

Result<ChainNode> CatalogService::UpdateNode(const Actor& a, int64_t id,
                                             std::optional<std::string> segment,
                                             std::optional<std::string> name,
                                             std::optional<std::vector<std::string>> codes,
                                             int64_t version) {
  if (segment)
    if (auto st = CheckText("segment", *segment, 20); !st) return Fail(st.error());
  if (name)
    if (auto st = CheckText("name", *name, 50); !st) return Fail(st.error());
  if (codes)
    if (auto st = CheckCodes(*codes); !st) return Fail(st.error());
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetNode(*c, id);
  if (!before) return Fail(NotFound("chain node not found"));
  if (before->version != version) return Fail(VersionConflict());
  ChainNode after = *before;
  if (segment) after.segment = *segment;
  if (name) after.name = *name;
  if (codes) after.codes = *codes;
  const int64_t now = clock_.NowMs();
  if (!store::UpdateNode(*c, after, version, now)) return Fail(VersionConflict());
  db::RecordChange(*c, db::kNamesChanged);  // project rows show the name
  audit::Diff d;
  d.Change("segment", before->segment, after.segment)
      .Change("name", before->name, after.name)
      .Change("codes", JoinCodes(before->codes), JoinCodes(after.codes));
  audit::Append(*c, now, a, {"catalog.node_update", "chain_node", std::to_string(id), d.Json()});
  tx.Commit();
  after.version = version + 1;
  return after;
}

Status CatalogService::DeleteNode(const Actor& a, int64_t id, int64_t version) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetNode(*c, id);
  if (!before) return Fail(NotFound("chain node not found"));
  if (before->version != version) return Fail(VersionConflict());
  if (store::NodeInUse(*c, id))
    return Fail(ErrorCode::kConflict, "in_use", "projects still refer to this chain node");
  store::DeleteNode(*c, id);
  audit::Diff d;
  d.Change("name", before->name, std::nullopt)
      .Change("codes", JoinCodes(before->codes), std::nullopt);
  audit::Append(*c, clock_.NowMs(), a,
                {"catalog.node_delete", "chain_node", std::to_string(id), d.Json()});
  tx.Commit();
  return {};
}

}  // namespace zhaoshang::catalog
