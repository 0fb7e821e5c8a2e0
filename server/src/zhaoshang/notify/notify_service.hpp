#pragma once
// The in-app inbox (站内通知) and the units' group robots. Other modules send inside their own
// transactions (Send), to the holders of a permission in a unit or everywhere; a user who turned
// a kind off gets no entry of it; the robots of the recipients' units get the message queued in
// the same transaction and sent later by the delivery job (DeliverDue), so a robot that is down
// never slows or fails the step that caused it.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/actor.hpp"
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
  std::string detail;  // JSON figures for the web (optional)
};

// One row per recipient, duplicates, `except` (the actor) and those who turned the kind off left
// out; one queued delivery per enabled robot of the recipients' units.
void Send(db::Connection& c, std::vector<int64_t> users, std::string_view kind, const Subject& s,
          int64_t now, std::optional<int64_t> except = std::nullopt);
// Active users of `unit_id` whose roles grant `permission` (any scope).
std::vector<int64_t> HoldersIn(db::Connection& c, std::string_view permission, int64_t unit_id);
// Active users whose roles grant `permission` over everything (the coordinator for factor.handle).
std::vector<int64_t> HoldersEverywhere(db::Connection& c, std::string_view permission);

struct RobotInput {
  std::optional<int64_t> unit_id;
  std::optional<std::string> kind, name, url, secret;
  std::optional<bool> enabled;
  int64_t version = 0;  // PATCH
};

struct DeliveryRun {
  int delivered = 0, retrying = 0, failed = 0;
};

class NotifyService {
 public:
  NotifyService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  std::vector<Notification> List(const auth::Principal& who, bool unread_only, int64_t offset,
                                 int64_t limit, int64_t* total);
  int64_t UnreadCount(const auth::Principal& who);
  // One of the caller's notifications (404 for anyone else's), or all of them.
  Status MarkRead(const auth::Principal& who, std::optional<int64_t> id);

  // Every kind with the caller's setting (on unless turned off); saving names kinds of Kinds().
  std::vector<Preference> Preferences(const auth::Principal& who);
  Status SavePreferences(const auth::Principal& who, const std::vector<Preference>& prefs,
                         const Actor& a);

  std::vector<Robot> Robots();
  Result<Robot> CreateRobot(const RobotInput& in, const Actor& a);
  Result<Robot> UpdateRobot(int64_t id, const RobotInput& in, const Actor& a);
  // Queues a test message to the robot (sent by the next delivery run).
  Status TestRobot(int64_t id, const Actor& a);
  std::vector<Delivery> Deliveries(const DeliveryQuery& q, int64_t* total);

  // The delivery job: claims the due deliveries and posts them; a failure is retried with
  // backoff until the last attempt. `public_url` prefixes the links ("" : no links).
  DeliveryRun DeliverDue(int64_t now, const std::string& owner, const std::string& public_url,
                         std::chrono::milliseconds timeout);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::notify
