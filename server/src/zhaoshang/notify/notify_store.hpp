#pragma once
// All SQL of the notify module: notifications, notification_prefs, robots, deliveries.
#include <optional>
#include <string>
#include <string_view>
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

// Preferences: the users among `users` who turned `kind` off; one user's settings.
std::vector<int64_t> UsersWithKindOff(db::Connection& c, const std::vector<int64_t>& users,
                                      std::string_view kind);
std::vector<Preference> Preferences(db::Connection& c, int64_t user_id);
void PutPreference(db::Connection& c, int64_t user_id, const Preference& p);

// Robots. UpdateRobot applies when `version` still matches (then version + 1).
int64_t InsertRobot(db::Connection& c, const Robot& r);
bool UpdateRobot(db::Connection& c, const Robot& r);
std::optional<Robot> GetRobot(db::Connection& c, int64_t id);
std::vector<Robot> ListRobots(db::Connection& c);
// The enabled robots of the units these users belong to.
std::vector<Robot> EnabledRobotsOfUsers(db::Connection& c, const std::vector<int64_t>& users);

// Deliveries: queued inside the sender's transaction; claimed by one process at a time (a lease
// until `lease_until`; PostgreSQL skips rows locked by another claim); finished by the claimer.
void Enqueue(db::Connection& c, const Delivery& d);
std::vector<int64_t> ClaimDue(db::Connection& c, const std::string& owner, int64_t now,
                              int64_t lease_until, int64_t limit);
std::optional<Delivery> GetDelivery(db::Connection& c, int64_t id);
void FinishAttempt(db::Connection& c, int64_t id, const std::string& owner,
                   const std::string& status, int attempts, int64_t next_at,
                   const std::string& error, std::optional<int64_t> delivered_at);
std::vector<Delivery> ListDeliveries(db::Connection& c, const DeliveryQuery& q, int64_t* total);

}  // namespace zhaoshang::notify::store
