#include "zhaoshang/notify/notify_service.hpp"

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_store.hpp"
#include "zhaoshang/notify/robot_message.hpp"
#include "zhaoshang/notify/webhook_client.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang::notify {
namespace {
constexpr size_t kMaxRobotName = 100, kMaxSecret = 200;
// A claimed delivery left unfinished (the process died) is claimable again after this.
constexpr int64_t kLeaseMs = int64_t{5} * 60'000;
constexpr int64_t kClaimBatch = 20;  // deliveries one claim takes

Error RobotNotFound() { return NotFound("robot not found"); }
}  // namespace

void Send(db::Connection& c, std::vector<int64_t> users, std::string_view kind, const Subject& s,
          int64_t now, std::optional<int64_t> except) {
  std::sort(users.begin(), users.end());
  users.erase(std::unique(users.begin(), users.end()), users.end());
  if (except) std::erase(users, *except);
  if (users.empty()) return;
  const auto off = store::UsersWithKindOff(c, users, kind);
  for (int64_t u : users) {
    if (std::find(off.begin(), off.end(), u) != off.end()) continue;
    store::Insert(c, {0, u, std::string(kind), s.object_type, s.object_id, s.project_id, s.title,
                      now, std::nullopt, s.detail});
  }
  const KindInfo* info = FindKind(kind);
  if (info == nullptr || !info->to_robots) return;
  for (const auto& r : store::EnabledRobotsOfUsers(c, users)) {
    Delivery d;
    d.robot_id = r.id;
    d.kind = std::string(kind);
    d.object_type = s.object_type;
    d.object_id = s.object_id;
    d.title = s.title;
    d.body = RobotMarkdown(info->label_zh, s.title, "");
    d.link = LinkPath(s.object_type, s.object_id, s.project_id);
    d.next_at = now;
    d.created_at = now;
    store::Enqueue(c, d);
  }
}

std::vector<int64_t> HoldersIn(db::Connection& c, std::string_view permission, int64_t unit_id) {
  return org::store::ActiveUsersWithRoles(c, org::RolesGranting(permission), unit_id);
}

std::vector<int64_t> HoldersEverywhere(db::Connection& c, std::string_view permission) {
  return org::store::ActiveUsersWithRoles(c, org::RolesGranting(permission, true), std::nullopt);
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

std::vector<Preference> NotifyService::Preferences(const auth::Principal& who) {
  auto c = db_.Acquire();
  std::map<std::string, bool, std::less<>> set;
  for (const auto& p : store::Preferences(*c, who.user_id)) set[p.kind] = p.enabled;
  std::vector<Preference> out;
  for (const auto& k : Kinds()) {
    auto it = set.find(k.code);
    out.push_back({std::string(k.code), it == set.end() || it->second});
  }
  return out;
}

Status NotifyService::SavePreferences(const auth::Principal& who,
                                      const std::vector<Preference>& prefs, const Actor& a) {
  for (const auto& p : prefs)
    if (FindKind(p.kind) == nullptr) return Fail(InvalidArgument({{"kinds", "invalid_value"}}));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  boost::json::object diff;
  for (const auto& p : prefs) {
    store::PutPreference(*c, who.user_id, p);
    diff[p.kind] = p.enabled;
  }
  audit::Append(*c, clock_.NowMs(), a,
                {"notification.preferences", "user", std::to_string(who.user_id),
                 boost::json::serialize(diff)});
  tx.Commit();
  return {};
}

std::vector<Robot> NotifyService::Robots() {
  auto c = db_.Acquire();
  return store::ListRobots(*c);
}

namespace {
// The robot after `in`, or the fields in error.
Result<Robot> Apply(db::Connection& c, Robot r, const RobotInput& in) {
  std::map<std::string, std::string> bad;
  if (in.unit_id) r.unit_id = *in.unit_id;
  if (in.kind) r.kind = *in.kind;
  if (in.name) r.name = *in.name;
  if (in.url) r.url = *in.url;
  if (in.secret) r.secret = *in.secret;
  if (in.enabled) r.enabled = *in.enabled;
  const auto& kinds = RobotKinds();
  if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end()) bad["kind"] = "invalid_value";
  if (r.url.empty())
    bad["url"] = "required";
  else if (!IsRobotUrl(r.url))
    bad["url"] = "invalid_url";
  if (r.name.size() > kMaxRobotName) bad["name"] = "too_long";
  if (r.secret.size() > kMaxSecret) bad["secret"] = "too_long";
  if (r.unit_id == 0)
    bad["unit_id"] = "required";
  else if (!org::store::GetUnit(c, r.unit_id))
    bad["unit_id"] = "not_found";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return r;
}

// The audit record of a robot: never its secret, only whether it has one.
std::string RobotAudit(const Robot& r) {
  return boost::json::serialize(boost::json::object{{"unit_id", r.unit_id},
                                                    {"kind", r.kind},
                                                    {"name", r.name},
                                                    {"url", ShownRobotUrl(r.url)},
                                                    {"has_secret", !r.secret.empty()},
                                                    {"enabled", r.enabled}});
}
}  // namespace

Result<Robot> NotifyService::CreateRobot(const RobotInput& in, const Actor& a) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  Robot r;
  r.created_at = clock_.NowMs();
  auto next = Apply(*c, r, in);
  if (!next) return Fail(next.error());
  next->id = store::InsertRobot(*c, *next);
  audit::Append(*c, clock_.NowMs(), a,
                {"robot.create", "robot", std::to_string(next->id), RobotAudit(*next)});
  tx.Commit();
  return *store::GetRobot(*c, next->id);
}

Result<Robot> NotifyService::UpdateRobot(int64_t id, const RobotInput& in, const Actor& a) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto r = store::GetRobot(*c, id);
  if (!r) return Fail(RobotNotFound());
  if (r->version != in.version) return Fail(VersionConflict());
  auto next = Apply(*c, *r, in);
  if (!next) return Fail(next.error());
  if (!store::UpdateRobot(*c, *next)) return Fail(VersionConflict());
  audit::Append(*c, clock_.NowMs(), a,
                {"robot.update", "robot", std::to_string(id), RobotAudit(*next)});
  tx.Commit();
  return *store::GetRobot(*c, id);
}

Status NotifyService::TestRobot(int64_t id, const Actor& a) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto r = store::GetRobot(*c, id);
  if (!r) return Fail(RobotNotFound());
  const int64_t now = clock_.NowMs();
  Delivery d;
  d.robot_id = id;
  d.kind = "test";
  d.object_type = "robot";
  d.object_id = id;
  d.title = "";  // the log words kind "test"
  d.body = RobotMarkdown("机器人测试消息", "招商全流程管理平台已接通本群机器人。", "");
  d.next_at = now;
  d.created_at = now;
  store::Enqueue(*c, d);
  audit::Append(*c, now, a, {"robot.test", "robot", std::to_string(id), "{}"});
  tx.Commit();
  return {};
}

std::vector<Delivery> NotifyService::Deliveries(const DeliveryQuery& q, int64_t* total) {
  auto c = db_.Acquire();
  return store::ListDeliveries(*c, q, total);
}

DeliveryRun NotifyService::DeliverDue(int64_t now, const std::string& owner,
                                      const std::string& public_url,
                                      std::chrono::milliseconds timeout) {
  DeliveryRun run;
  for (;;) {
    std::vector<int64_t> ids;
    {
      auto c = db_.Acquire();
      db::Transaction tx(*c, true);
      // The lease outlasts the batch's requests even at their timeouts, measured on this clock
      // (a simulated day runs faster than real time): no other process sends them meanwhile.
      const int64_t batch_ms = kClaimBatch * (timeout.count() + 1000) * clock_.Rate();
      ids = store::ClaimDue(*c, owner, now, now + std::max(kLeaseMs, 2 * batch_ms), kClaimBatch);
      tx.Commit();
    }
    if (ids.empty()) break;
    for (int64_t id : ids) {
      std::optional<Delivery> d;
      std::optional<Robot> r;
      {
        auto c = db_.Acquire();
        d = store::GetDelivery(*c, id);
        if (d) r = store::GetRobot(*c, d->robot_id);
      }
      if (!d || !r) continue;
      std::string text = d->body;
      if (!public_url.empty() && d->kind != "test") {
        const std::string path = d->link;
        if (!path.empty())
          text.append("\n\n[前往处理](").append(public_url).append(path).append(")");
      }
      const std::string title = "【招商】" + d->title;
      PostOutcome out;
      if (!r->enabled) {
        out.error = "robot disabled";
      } else {
        out = PostJson(SignedUrl(r->kind, r->url, r->secret, clock_.NowMs()),
                       RobotBody(r->kind, title, text), timeout);
      }
      const int attempts = d->attempts + 1;
      auto c = db_.Acquire();
      if (out.status != 0 && RobotAccepted(out.status, out.body)) {
        store::FinishAttempt(*c, id, owner, "delivered", attempts, d->next_at, "", clock_.NowMs());
        ++run.delivered;
        continue;
      }
      const std::string error =
          out.status != 0 ? "HTTP " + std::to_string(out.status) + " " + out.body.substr(0, 200)
                          : out.error.substr(0, 200);
      if (auto wait = RetryDelayMs(attempts); wait && r->enabled) {
        store::FinishAttempt(*c, id, owner, "pending", attempts, now + *wait, error, std::nullopt);
        ++run.retrying;
      } else {
        store::FinishAttempt(*c, id, owner, "failed", attempts, d->next_at, error, std::nullopt);
        ++run.failed;
      }
    }
  }
  return run;
}

}  // namespace zhaoshang::notify
