#pragma once
// The platform's background jobs (jobs/job_rules.hpp) bound to the application's services: the
// clock sweep (escalation, unjudged leads onto the review agenda), the daily digest per person,
// and the robot deliveries.
#include <string>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/jobs/scheduler.hpp"

namespace zhaoshang {

void RegisterJobs(jobs::Scheduler& s, App& app, const std::string& owner);

// 每日待办摘要: one notification per person with something overdue or due soon on the
// workbench ({"overdue":N,"due_soon":M}); returns how many were sent.
int SendDigests(App& app, int64_t now);

}  // namespace zhaoshang
