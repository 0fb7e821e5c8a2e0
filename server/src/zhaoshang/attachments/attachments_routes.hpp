#pragma once
// Routes of the attachments module. The module does not know projects or factor requests: the
// App gives it, per object type, the owning module's answer to "may this caller read the
// object, attach to it, remove others' files" (an error, usually not_found, when it may not
// even read it).
#include <functional>
#include <string>

#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/attachments/attachment_service.hpp"

namespace zhaoshang::attachments {

struct Access {
  bool attach = false;  // may add files and remove its own
  bool manage = false;  // may remove anyone's
  std::string stage;    // recorded with an upload (the project's stage)
};
using AccessFn = std::function<Result<Access>(const auth::Principal&, int64_t object_id)>;

// An owning module: its answer, and the permissions of its routes that list and add files
// (org/roles.cpp grants them; the route × role matrix lists them).
struct Owner {
  AccessFn access;
  const char* read_permission;
  const char* attach_permission;
};
struct Owners {
  Owner project;
  Owner factor_request;
};

void RegisterAttachmentRoutes(AppRouter& r, AttachmentService& service, Owners owners);

}  // namespace zhaoshang::attachments
