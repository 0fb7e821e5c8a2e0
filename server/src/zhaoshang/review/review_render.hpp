#pragma once
// JSON of the review module that another module's routes render too: the open rounds a
// member sits on (shown on the workbench, GET /api/v1/workbench). Defined in review_routes.cpp.
#include <boost/json/array.hpp>

#include "zhaoshang/auth/principal.hpp"

namespace zhaoshang {
namespace review {
class ReviewService;
}

boost::json::array OpenRoundsJson(review::ReviewService& review, const auth::Principal& who);

}  // namespace zhaoshang
