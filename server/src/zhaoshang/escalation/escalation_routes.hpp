#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang {
namespace escalation {
class EscalationService;
}
// GET /api/v1/escalations: the escalation steps that reached the caller's tier.
void RegisterEscalationRoutes(AppRouter& r, escalation::EscalationService& escalation);
}  // namespace zhaoshang
