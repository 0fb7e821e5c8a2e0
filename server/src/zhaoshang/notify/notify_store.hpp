#pragma once
// All SQL of the notify module: notifications.
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/notify/notify_types.hpp"

namespace zhaoshang::notify::store {

void Insert(db::Connection& c, const Notification& n);
// Newest first, a page; *total counts every match.
std::vector<Notification> List(db::Connection& c, int64_t user_id, bool unread_only, int64_t offset,
                               int64_t limit, int64_t* total);
int64_t UnreadCount(db::Connection& c, int64_t user_id);
std::optional<int64_t> OwnerOf(db::Connection& c, int64_t id);
// Marks one (or, with id none, every) unread notification of the user read; returns how many.
int64_t MarkRead(db::Connection& c, int64_t user_id, std::optional<int64_t> id, int64_t now);

}  // namespace zhaoshang::notify::store
