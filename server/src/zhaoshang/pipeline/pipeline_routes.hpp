#pragma once
// Shared by the pipeline's route files.
#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"

namespace zhaoshang {
// Reads the ledger filters (stage, industry, …, sort, order) from the query string.
Result<pipeline::ProjectFilter> ReadProjectFilter(RequestContext& ctx);
}  // namespace zhaoshang
