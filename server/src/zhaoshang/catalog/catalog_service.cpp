#include "zhaoshang/catalog/catalog_service.hpp"

#include <sstream>

#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/db/change_feed.hpp"

namespace zhaoshang::catalog {
namespace {
std::vector<std::string> SplitCodes(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string code;
  while (std::getline(ss, code, ';'))
    if (!code.empty()) out.push_back(code);
  return out;
}
std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string s;
  for (const auto& c : codes) s += (s.empty() ? "" : ";") + c;
  return s;
}
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
  db::Connection* c = &conn;
  std::vector<LeadingIndustry> out;
  auto rs = c->Query(
      "SELECT id, name, description, version FROM leading_industries ORDER BY sort_order, id");
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Text(1), rs[i].Text(2), rs[i].Int(3), {}});
  auto ns = c->Query(
      "SELECT id, leading_industry_id, segment, name, codes, version FROM chain_nodes ORDER BY id");
  for (size_t i = 0; i < ns.size(); ++i)
    for (auto& li : out)
      if (li.id == ns[i].Int(1))
        li.nodes.push_back({ns[i].Int(0), ns[i].Int(1), ns[i].Text(2), ns[i].Text(3),
                            SplitCodes(ns[i].Text(4)), ns[i].Int(5)});
  return out;
}

Result<LeadingIndustry> CatalogService::CreateIndustry(const Actor& a,
                                                       const std::string& name,
                                                       const std::string& description) {
  if (auto st = CheckText("name", name, 50); !st) return Fail(st.error());
  if (Utf8Length(description) > 500) return Fail(InvalidArgument({{"description", "too_long"}}));
  auto c = db_.Acquire();
  const int64_t now = clock_.NowMs();
  db::Transaction tx(*c, true);
  if (c->QueryInt("SELECT COUNT(*) FROM leading_industries WHERE name = ?", {name}).value_or(0) > 0)
    return Fail(ErrorCode::kConflict, "already_exists", "name already used",
                {{"name", "already_exists"}});
  int64_t id =
      c->QueryInt(
           "INSERT INTO leading_industries(name, description, sort_order, created_at, updated_at) "
           "VALUES (?,?,(SELECT COALESCE(MAX(sort_order), 0) + 1 FROM leading_industries),?,?) "
           "RETURNING id",
           {name, description, now, now})
          .value();
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
  auto rs =
      c->Query("SELECT name, description, version FROM leading_industries WHERE id = ?", {id});
  if (rs.empty()) return Fail(NotFound("leading industry not found"));
  if (rs[0].Int(2) != version) return Fail(VersionConflict());
  LeadingIndustry li{
      id, name.value_or(rs[0].Text(0)), description.value_or(rs[0].Text(1)), version + 1, {}};
  const int64_t now = clock_.NowMs();
  try {
    if (c->Execute("UPDATE leading_industries SET name = ?, description = ?, version = version + "
                   "1, updated_at = ? "
                   "WHERE id = ? AND version = ?",
                   {li.name, li.description, now, id, version}) != 1)
      return Fail(VersionConflict());
    db::RecordChange(*c, db::kNamesChanged);  // project rows show the name
  } catch (const db::DbError& e) {
    if (!Duplicate(e)) throw;
    return Fail(ErrorCode::kConflict, "already_exists", "name already used",
                {{"name", "already_exists"}});
  }
  audit::Diff d;
  d.Change("name", rs[0].Text(0), li.name).Change("description", rs[0].Text(1), li.description);
  audit::Append(*c, now, a,
                {"catalog.industry_update", "leading_industry", std::to_string(id), d.Json()});
  tx.Commit();
  return li;
}

Status CatalogService::DeleteIndustry(const Actor& a, int64_t id, int64_t version) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto rs = c->Query("SELECT name, version FROM leading_industries WHERE id = ?", {id});
  if (rs.empty()) return Fail(NotFound("leading industry not found"));
  if (rs[0].Int(1) != version) return Fail(VersionConflict());
  if (c->QueryInt("SELECT COUNT(*) FROM chain_nodes WHERE leading_industry_id = ?", {id})
              .value_or(0) > 0 ||
      c->QueryInt("SELECT COUNT(*) FROM projects WHERE leading_industry_id = ?", {id}).value_or(0) >
          0)
    return Fail(ErrorCode::kConflict, "in_use",
                "delete its chain nodes first; no project may refer to it");
  c->Execute("DELETE FROM leading_industries WHERE id = ?", {id});
  audit::Diff d;
  d.Change("name", rs[0].Text(0), std::nullopt);
  audit::Append(*c, clock_.NowMs(), a,
                {"catalog.industry_delete", "leading_industry", std::to_string(id), d.Json()});
  tx.Commit();
  return {};
}

std::optional<ChainNode> CatalogService::GetNode(db::Connection& c, int64_t id) {
  auto rs = c.Query(
      "SELECT id, leading_industry_id, segment, name, codes, version FROM chain_nodes WHERE id = ?",
      {id});
  if (rs.empty()) return std::nullopt;
  return ChainNode{
      rs[0].Int(0), rs[0].Int(1), rs[0].Text(2), rs[0].Text(3), SplitCodes(rs[0].Text(4)),
      rs[0].Int(5)};
}

Result<ChainNode> CatalogService::CreateNode(const Actor& a, int64_t industry_id,
                                             const std::string& segment, const std::string& name,
                                             const std::vector<std::string>& codes) {
  if (auto st = CheckText("segment", segment, 20); !st) return Fail(st.error());
  if (auto st = CheckText("name", name, 50); !st) return Fail(st.error());
  if (auto st = CheckCodes(codes); !st) return Fail(st.error());
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  if (c->QueryInt("SELECT COUNT(*) FROM leading_industries WHERE id = ?", {industry_id})
          .value_or(0) == 0)
    return Fail(NotFound("leading industry not found"));
  const int64_t now = clock_.NowMs();
  int64_t id = c->QueryInt(
                    "INSERT INTO chain_nodes(leading_industry_id, segment, name, codes, "
                    "created_at, updated_at) "
                    "VALUES (?,?,?,?,?,?) RETURNING id",
                    {industry_id, segment, name, JoinCodes(codes), now, now})
                   .value();
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
  auto before = GetNode(*c, id);
  if (!before) return Fail(NotFound("chain node not found"));
  if (before->version != version) return Fail(VersionConflict());
  ChainNode after = *before;
  if (segment) after.segment = *segment;
  if (name) after.name = *name;
  if (codes) after.codes = *codes;
  const int64_t now = clock_.NowMs();
  if (c->Execute("UPDATE chain_nodes SET segment = ?, name = ?, codes = ?, version = version + 1, "
                 "updated_at = ? "
                 "WHERE id = ? AND version = ?",
                 {after.segment, after.name, JoinCodes(after.codes), now, id, version}) != 1)
    return Fail(VersionConflict());
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
  auto before = GetNode(*c, id);
  if (!before) return Fail(NotFound("chain node not found"));
  if (before->version != version) return Fail(VersionConflict());
  if (c->QueryInt("SELECT COUNT(*) FROM projects WHERE chain_node_id = ?", {id}).value_or(0) > 0)
    return Fail(ErrorCode::kConflict, "in_use", "projects still refer to this chain node");
  c->Execute("DELETE FROM chain_nodes WHERE id = ?", {id});
  audit::Diff d;
  d.Change("name", before->name, std::nullopt)
      .Change("codes", JoinCodes(before->codes), std::nullopt);
  audit::Append(*c, clock_.NowMs(), a,
                {"catalog.node_delete", "chain_node", std::to_string(id), d.Json()});
  tx.Commit();
  return {};
}

}  // namespace zhaoshang::catalog
