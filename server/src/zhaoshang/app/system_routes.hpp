#pragma once
// Routes: /api/v1/meta — what any page may read before logging in.
#include <atomic>

#include "zhaoshang/app/config.hpp"
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang {
// demo: whether this installation carries demo data (changes when demo data is loaded).
void RegisterSystemRoutes(AppRouter& r, const std::atomic<bool>& demo, const Config& cfg);
}  // namespace zhaoshang
