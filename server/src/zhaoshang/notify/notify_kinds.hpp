#pragma once
// The kinds of notification, as data: the web client words each one in the user's language.
#include <string_view>

namespace zhaoshang::notify {

inline constexpr std::string_view kFactorRaised = "factor_raised";       // to the department
inline constexpr std::string_view kFactorPassedOn = "factor_passed_on";  // to the new department
inline constexpr std::string_view kFactorUnresolvable =
    "factor_unresolvable";                                                    // to the coordinator
inline constexpr std::string_view kFactorResolved = "factor_resolved";        // to the requester
inline constexpr std::string_view kSupervisionIssued = "supervision_issued";  // to the unit
inline constexpr std::string_view kSupervisionReplied = "supervision_replied";    // to the issuer
inline constexpr std::string_view kSupervisionReopened = "supervision_reopened";  // to the unit

}  // namespace zhaoshang::notify
