#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::search {
class SearchService;
void RegisterSearchRoutes(AppRouter& r, SearchService& search, const char* permission);
}  // namespace zhaoshang::search
