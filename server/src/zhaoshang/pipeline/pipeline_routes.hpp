#pragma once
// Shared by the pipeline's route files.
#include <boost/json/object.hpp>

#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/clocks/working_days.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"

namespace zhaoshang::clocks {
class ClockService;
}
namespace zhaoshang::matching {
class ParkService;
}
namespace zhaoshang::pipeline {
class ProjectService;
class RoutingService;
class WorkflowService;
}  // namespace zhaoshang::pipeline

namespace zhaoshang {
// Reads the ledger filters (stage, industry, …, clock, sort, order) from the query string; the
// clock day (China's today and the last deadline due soon) decides overdue=true and clock=….
Result<pipeline::ProjectFilter> ReadProjectFilter(RequestContext& ctx, const clocks::ClockDay& day);
// The pipeline's rule constants as the web client reads them (GET /meta → rules, and
// `zhaoshang rules --json`): the collision threshold, the day ranges, the reason codes.
boost::json::object PipelineRulesJson();

// The pipeline's routes; the handlers hold the services they call, not the App.
void RegisterPipelineRoutes(AppRouter& r, pipeline::ProjectService& projects,
                            pipeline::WorkflowService& workflow, clocks::ClockService& clocks);
void RegisterRoutingRoutes(AppRouter& r, pipeline::RoutingService& routing,
                           pipeline::ProjectService& projects, matching::ParkService& parks,
                           clocks::ClockService& clocks);
}  // namespace zhaoshang
