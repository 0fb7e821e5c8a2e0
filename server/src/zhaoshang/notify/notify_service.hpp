#pragma once
// The in-app inbox (站内通知). Other modules send inside their own transactions (Send), to the
// holders of a permission in a unit or everywhere; the owner lists, counts and reads them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/notify/notify_types.hpp"

namespace zhaoshang::notify {

// What a notification is about (where it is done).
struct Subject {
  std::string object_type;
  int64_t object_id = 0;
  std::optional<int64_t> project_id;
  std::string title;
};

// One row per recipient, duplicates and `except` (the actor) left out.
void Send(db::Connection& c, std::vector<int64_t> users, std::string_view kind, const Subject& s,
          int64_t now, std::optional<int64_t> except = std::nullopt);
// Active users of `unit_id` whose roles grant `permission` (any scope).
std::vector<int64_t> HoldersIn(db::Connection& c, std::string_view permission, int64_t unit_id);
// Active users whose roles grant `permission` over everything (the coordinator for factor.handle).
std::vector<int64_t> HoldersEverywhere(db::Connection& c, std::string_view permission);

class NotifyService {
 public:
  NotifyService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  std::vector<Notification> List(const auth::Principal& who, bool unread_only, int64_t offset,
                                 int64_t limit, int64_t* total);
  int64_t UnreadCount(const auth::Principal& who);
  // One of the caller's notifications (404 for anyone else's), or all of them.
  Status MarkRead(const auth::Principal& who, std::optional<int64_t> id);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::notify
