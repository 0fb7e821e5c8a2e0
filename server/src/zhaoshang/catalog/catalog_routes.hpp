#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang {
namespace catalog {
class CatalogService;
}
// /api/v1/catalog/*: the GB/T 4754 tree, regions, leading industries and their chain nodes.
void RegisterCatalogRoutes(AppRouter& r, catalog::CatalogService& catalog);
}  // namespace zhaoshang
