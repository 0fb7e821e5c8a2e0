#pragma once
// The kinds of notification, as data: the web client words each one in the user's language; the
// group robots get the Chinese name below (robot messages are for the city's work groups).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::notify {

inline constexpr std::string_view kFactorRaised = "factor_raised";       // to the department
inline constexpr std::string_view kFactorPassedOn = "factor_passed_on";  // to the new department
inline constexpr std::string_view kFactorUnresolvable =
    "factor_unresolvable";                                                    // to the coordinator
inline constexpr std::string_view kFactorResolved = "factor_resolved";        // to the requester
inline constexpr std::string_view kSupervisionIssued = "supervision_issued";  // to the unit
inline constexpr std::string_view kSupervisionReplied = "supervision_replied";    // to the issuer
inline constexpr std::string_view kSupervisionReopened = "supervision_reopened";  // to the unit
inline constexpr std::string_view kOverdue = "overdue";      // to the responsible party
inline constexpr std::string_view kEscalated = "escalated";  // unit head, coordinator, leader
inline constexpr std::string_view kLeadOnAgenda = "lead_on_agenda";       // to the lead's promoter
inline constexpr std::string_view kRoutingReceived = "routing_received";  // to the park's receivers
inline constexpr std::string_view kPolicyExpiring = "policy_expiring";  // to the owner unit, 投促局
inline constexpr std::string_view kQaAnswered = "qa_answered";          // to the asker
inline constexpr std::string_view kDigest = "digest";  // the daily digest, to each person
// An administrator account locked out after failed logins: to the security administrators.
inline constexpr std::string_view kAdminLocked = "admin_locked";

struct KindInfo {
  std::string_view code;
  std::string_view label_zh;  // robot messages
  bool to_robots = true;      // the digest is personal: never to a group
};
const std::vector<KindInfo>& Kinds();
const KindInfo* FindKind(std::string_view code);

// Where a notification's object is handled in the web client ("/factor-requests/12"); empty when
// it has no page of its own.
std::string LinkPath(std::string_view object_type, int64_t object_id,
                     std::optional<int64_t> project_id);

}  // namespace zhaoshang::notify
