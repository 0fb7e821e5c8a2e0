#include "zhaoshang/notify/notify_service.hpp"

#include <algorithm>

#include "zhaoshang/notify/notify_store.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang::notify {
namespace {
// The roles granting `permission`, at any scope or only at scope all.
std::vector<std::string> RolesGranting(std::string_view permission, bool everywhere_only) {
  std::vector<std::string> out;
  for (const auto& r : org::AllRoles())
    for (const auto& g : r.grants)
      if (g.permission == permission && (!everywhere_only || g.scope == org::Scope::kAll))
        out.emplace_back(r.code);
  return out;
}
}  // namespace

void Send(db::Connection& c, std::vector<int64_t> users, std::string_view kind, const Subject& s,
          int64_t now, std::optional<int64_t> except) {
  std::sort(users.begin(), users.end());
  users.erase(std::unique(users.begin(), users.end()), users.end());
  for (int64_t u : users) {
    if (except && u == *except) continue;
    store::Insert(c, {0, u, std::string(kind), s.object_type, s.object_id, s.project_id, s.title,
                      now, std::nullopt});
  }
}

std::vector<int64_t> HoldersIn(db::Connection& c, std::string_view permission, int64_t unit_id) {
  return org::store::ActiveUsersWithRoles(c, RolesGranting(permission, false), unit_id);
}

std::vector<int64_t> HoldersEverywhere(db::Connection& c, std::string_view permission) {
  return org::store::ActiveUsersWithRoles(c, RolesGranting(permission, true), std::nullopt);
}

std::vector<Notification> NotifyService::List(const auth::Principal& who, bool unread_only,
                                              int64_t offset, int64_t limit, int64_t* total) {
  auto c = db_.Acquire();
  return store::List(*c, who.user_id, unread_only, offset, limit, total);
}

int64_t NotifyService::UnreadCount(const auth::Principal& who) {
  auto c = db_.Acquire();
  return store::UnreadCount(*c, who.user_id);
}

Status NotifyService::MarkRead(const auth::Principal& who, std::optional<int64_t> id) {
  auto c = db_.Acquire();
  const int64_t n = store::MarkRead(*c, who.user_id, id, clock_.NowMs());
  // Nothing changed: already read (fine), or not the caller's (not found).
  if (id && n == 0 && store::OwnerOf(*c, *id) != who.user_id)
    return Fail(NotFound("notification not found"));
  return {};
}

}  // namespace zhaoshang::notify
