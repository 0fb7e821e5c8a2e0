#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::notify {
class NotifyService;
}
namespace zhaoshang {
// /api/v1/notifications*: the caller's own inbox.
void RegisterNotifyRoutes(AppRouter& r, notify::NotifyService& notify);
}  // namespace zhaoshang
