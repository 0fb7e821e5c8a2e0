#pragma once
// All SQL of the attachments module: attachments (what, whose, by whom) and attachment_blobs
// (the bytes, one row per file, in the database on both engines).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/attachments/attachments_types.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::attachments::store {

// Inserts the row and its bytes; returns the id.
int64_t Insert(db::Connection& c, const Attachment& a, const std::string& bytes);
std::optional<Attachment> Get(db::Connection& c, int64_t id);
// Oldest first; removed ones only when asked.
std::vector<Attachment> List(db::Connection& c, const ObjectRef& o, bool with_removed);
// Files the object holds now (not removed).
int64_t Count(db::Connection& c, const ObjectRef& o);
// The kinds the object holds now (a stage guard's evidence).
std::set<std::string> KindsOf(db::Connection& c, const ObjectRef& o);
// The same for several objects of one type at once (a board page).
std::map<int64_t, std::set<std::string>> KindsAmong(db::Connection& c, const std::string& type,
                                                    const std::vector<int64_t>& ids);
std::optional<std::string> Content(db::Connection& c, int64_t id);
// Marks the file removed (its bytes stay: evidence is kept); false when already removed.
bool MarkRemoved(db::Connection& c, int64_t id, int64_t by, int64_t at, const std::string& reason);

}  // namespace zhaoshang::attachments::store
