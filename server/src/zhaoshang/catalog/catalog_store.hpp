#pragma once
// All SQL of the catalog module: industries (GB/T 4754), leading_industries, chain_nodes.
// Reads projects only to refuse deleting what a project still refers to.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/catalog/catalog_types.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::catalog::store {

// GB/T 4754 reference rows.
int64_t CountIndustries(db::Connection& c);
// rows: code, level, parent (or NULL), name, note.
void InsertIndustries(db::Connection& c, const std::vector<db::Params>& rows);

// Leading industries with their chain nodes, in display order.
std::vector<LeadingIndustry> ListLeading(db::Connection& c);
int64_t CountLeading(db::Connection& c);
bool LeadingExists(db::Connection& c, int64_t id);
bool LeadingNameTaken(db::Connection& c, const std::string& name);
// Name, description and version only (no nodes).
std::optional<LeadingIndustry> GetLeading(db::Connection& c, int64_t id);
// Appended after the last one in display order.
int64_t InsertLeading(db::Connection& c, const std::string& name, const std::string& description,
                      int64_t now);
// At an explicit display position (seeding).
int64_t InsertLeadingAt(db::Connection& c, const std::string& name, const std::string& description,
                        int64_t sort_order, int64_t now);
// False when the version is stale; throws db::DbError (unique violation) on a name in use.
bool UpdateLeading(db::Connection& c, int64_t id, int64_t version, const std::string& name,
                   const std::string& description, int64_t now);
// Chain nodes under it, or projects referring to it.
bool LeadingInUse(db::Connection& c, int64_t id);
void DeleteLeading(db::Connection& c, int64_t id);

// Every chain node, by id.
// id → leading industry / chain node name (the audit log names its objects).
std::map<int64_t, std::string> LeadingNames(db::Connection& c, const std::set<int64_t>& ids);
std::map<int64_t, std::string> NodeNames(db::Connection& c, const std::set<int64_t>& ids);

std::vector<ChainNode> ListNodes(db::Connection& c);
std::optional<ChainNode> GetNode(db::Connection& c, int64_t id);
int64_t InsertNode(db::Connection& c, int64_t industry_id, const std::string& segment,
                   const std::string& name, const std::string& codes, int64_t now);
// Seeding: codes as they come from the CSV ("3841;3849").
void InsertNodeRow(db::Connection& c, int64_t industry_id, const std::string& segment,
                   const std::string& name, const std::string& codes, int64_t now);
// False when n.version is no longer `version`.
bool UpdateNode(db::Connection& c, const ChainNode& n, int64_t version, int64_t now);
// Projects referring to the node.
bool NodeInUse(db::Connection& c, int64_t id);
void DeleteNode(db::Connection& c, int64_t id);

}  // namespace zhaoshang::catalog::store
