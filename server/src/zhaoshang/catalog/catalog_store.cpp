#include "zhaoshang/catalog/catalog_store.hpp"

#include <sstream>

namespace zhaoshang::catalog {

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

namespace store {

int64_t CountIndustries(db::Connection& c) {
  return c.QueryInt("SELECT COUNT(*) FROM industries", {}).value_or(0);
}

void InsertIndustries(db::Connection& c, const std::vector<db::Params>& rows) {
  db::InsertRows(c, "INSERT INTO industries(code, level, parent, name, note) VALUES ", rows, 200);
}

std::vector<LeadingIndustry> ListLeading(db::Connection& c) {
  std::vector<LeadingIndustry> out;
  auto rs = c.Query(
      "SELECT id, name, description, version FROM leading_industries ORDER BY sort_order, id");
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Text(1), rs[i].Text(2), rs[i].Int(3), {}});
  auto ns = c.Query(
      "SELECT id, leading_industry_id, segment, name, codes, version FROM chain_nodes ORDER BY id");
  for (size_t i = 0; i < ns.size(); ++i)
    for (auto& li : out)
      if (li.id == ns[i].Int(1))
        li.nodes.push_back({ns[i].Int(0), ns[i].Int(1), ns[i].Text(2), ns[i].Text(3),
                            SplitCodes(ns[i].Text(4)), ns[i].Int(5)});
  return out;
}

int64_t CountLeading(db::Connection& c) {
  return c.QueryInt("SELECT COUNT(*) FROM leading_industries", {}).value_or(0);
}

bool LeadingExists(db::Connection& c, int64_t id) {
  return c.QueryInt("SELECT COUNT(*) FROM leading_industries WHERE id = ?", {id}).value_or(0) != 0;
}

bool LeadingNameTaken(db::Connection& c, const std::string& name) {
  return c.QueryInt("SELECT COUNT(*) FROM leading_industries WHERE name = ?", {name}).value_or(0) >
         0;
}

std::optional<LeadingIndustry> GetLeading(db::Connection& c, int64_t id) {
  auto rs = c.Query("SELECT name, description, version FROM leading_industries WHERE id = ?", {id});
  if (rs.empty()) return std::nullopt;
  return LeadingIndustry{id, rs[0].Text(0), rs[0].Text(1), rs[0].Int(2), {}};
}

int64_t InsertLeading(db::Connection& c, const std::string& name, const std::string& description,
                      int64_t now) {
  return c
      .QueryInt(
          "INSERT INTO leading_industries(name, description, sort_order, created_at, updated_at) "
          "VALUES (?,?,(SELECT COALESCE(MAX(sort_order), 0) + 1 FROM leading_industries),?,?) "
          "RETURNING id",
          {name, description, now, now})
      .value();
}

int64_t InsertLeadingAt(db::Connection& c, const std::string& name, const std::string& description,
                        int64_t sort_order, int64_t now) {
  return c
      .QueryInt(
          "INSERT INTO leading_industries(name, description, sort_order, created_at, "
          "updated_at) VALUES (?,?,?,?,?) RETURNING id",
          {name, description, sort_order, now, now})
      .value();
}

bool UpdateLeading(db::Connection& c, int64_t id, int64_t version, const std::string& name,
                   const std::string& description, int64_t now) {
  return c.Execute(
             "UPDATE leading_industries SET name = ?, description = ?, version = version + "
             "1, updated_at = ? "
             "WHERE id = ? AND version = ?",
             {name, description, now, id, version}) == 1;
}

bool LeadingInUse(db::Connection& c, int64_t id) {
  return c.QueryInt("SELECT COUNT(*) FROM chain_nodes WHERE leading_industry_id = ?", {id})
                 .value_or(0) > 0 ||
         c.QueryInt("SELECT COUNT(*) FROM projects WHERE leading_industry_id = ?", {id})
                 .value_or(0) > 0;
}

void DeleteLeading(db::Connection& c, int64_t id) {
  c.Execute("DELETE FROM leading_industries WHERE id = ?", {id});
}

std::vector<ChainNode> ListNodes(db::Connection& c) {
  auto ns = c.Query(
      "SELECT id, leading_industry_id, segment, name, codes, version FROM chain_nodes ORDER BY id");
  std::vector<ChainNode> out;
  for (size_t i = 0; i < ns.size(); ++i)
    out.push_back({ns[i].Int(0), ns[i].Int(1), ns[i].Text(2), ns[i].Text(3),
                   SplitCodes(ns[i].Text(4)), ns[i].Int(5)});
  return out;
}

std::optional<ChainNode> GetNode(db::Connection& c, int64_t id) {
  auto rs = c.Query(
      "SELECT id, leading_industry_id, segment, name, codes, version FROM chain_nodes WHERE id = ?",
      {id});
  if (rs.empty()) return std::nullopt;
  return ChainNode{
      rs[0].Int(0), rs[0].Int(1), rs[0].Text(2), rs[0].Text(3), SplitCodes(rs[0].Text(4)),
      rs[0].Int(5)};
}

int64_t InsertNode(db::Connection& c, int64_t industry_id, const std::string& segment,
                   const std::string& name, const std::string& codes, int64_t now) {
  return c
      .QueryInt(
          "INSERT INTO chain_nodes(leading_industry_id, segment, name, codes, "
          "created_at, updated_at) "
          "VALUES (?,?,?,?,?,?) RETURNING id",
          {industry_id, segment, name, codes, now, now})
      .value();
}

void InsertNodeRow(db::Connection& c, int64_t industry_id, const std::string& segment,
                   const std::string& name, const std::string& codes, int64_t now) {
  c.Execute(
      "INSERT INTO chain_nodes(leading_industry_id, segment, name, codes, created_at, "
      "updated_at) "
      "VALUES (?,?,?,?,?,?)",
      {industry_id, segment, name, codes, now, now});
}

bool UpdateNode(db::Connection& c, const ChainNode& n, int64_t version, int64_t now) {
  return c.Execute(
             "UPDATE chain_nodes SET segment = ?, name = ?, codes = ?, version = version + 1, "
             "updated_at = ? "
             "WHERE id = ? AND version = ?",
             {n.segment, n.name, JoinCodes(n.codes), now, n.id, version}) == 1;
}

bool NodeInUse(db::Connection& c, int64_t id) {
  return c.QueryInt("SELECT COUNT(*) FROM projects WHERE chain_node_id = ?", {id}).value_or(0) > 0;
}

void DeleteNode(db::Connection& c, int64_t id) {
  c.Execute("DELETE FROM chain_nodes WHERE id = ?", {id});
}

std::map<int64_t, std::string> LeadingNames(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, name FROM leading_industries", "id", ids);
}

std::map<int64_t, std::string> NodeNames(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, name FROM chain_nodes", "id", ids);
}

}  // namespace store
}  // namespace zhaoshang::catalog
