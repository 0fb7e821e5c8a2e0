#pragma once
// Shared by the pipeline's route files.
#include <boost/json/object.hpp>

#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"

namespace zhaoshang::matching {
class ParkService;
}
namespace zhaoshang::pipeline {
class ProjectService;
class RoutingService;
class WorkflowService;
}  // namespace zhaoshang::pipeline

namespace zhaoshang {
// Reads the ledger filters (stage, industry, …, sort, order) from the query string; `today`
// (China) decides overdue=true.
Result<pipeline::ProjectFilter> ReadProjectFilter(RequestContext& ctx, const std::string& today);
// The pipeline's rule constants as the web client reads them (GET /meta → rules, and
// `zhaoshang rules --json`): the collision threshold, the day ranges, the reason codes.
boost::json::object PipelineRulesJson();

// The pipeline's routes; the handlers hold the services they call, not the App.
void RegisterPipelineRoutes(AppRouter& r, pipeline::ProjectService& projects,
                            pipeline::WorkflowService& workflow, const Clock& clock);
void RegisterRoutingRoutes(AppRouter& r, pipeline::RoutingService& routing,
                           pipeline::ProjectService& projects, matching::ParkService& parks,
                           const Clock& clock);
}  // namespace zhaoshang
