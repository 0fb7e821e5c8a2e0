#pragma once
// JSON of the matching module that another module's routes render too: one park's fit with
// its components, reasons and exclusions (review rounds show their top matches). Defined in
// park_routes.cpp.
#include <boost/json/object.hpp>

#include "zhaoshang/matching/fit.hpp"

namespace zhaoshang {

boost::json::object FitJson(const matching::Fit& f);

}  // namespace zhaoshang
