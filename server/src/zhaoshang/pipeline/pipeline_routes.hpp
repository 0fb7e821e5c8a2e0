#pragma once
// Shared by the pipeline's route files.
#include <boost/json/object.hpp>

#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"

namespace zhaoshang {
// Reads the ledger filters (stage, industry, …, sort, order) from the query string.
Result<pipeline::ProjectFilter> ReadProjectFilter(RequestContext& ctx);
// The pipeline's rule constants as the web client reads them (GET /meta → rules, and
// `zhaoshang rules --json`): the collision threshold, the day ranges, the reason codes.
boost::json::object PipelineRulesJson();
}  // namespace zhaoshang
