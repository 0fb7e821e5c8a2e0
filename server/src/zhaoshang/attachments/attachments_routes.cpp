// Routes: an object's files (list, upload), one file's bytes, removing a file; the kinds.
#include "zhaoshang/attachments/attachments_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/attachments/attachment_rules.hpp"
#include "zhaoshang/core/json_input.hpp"

namespace zhaoshang::attachments {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
// Every business role reads some object; the owner's access decides which.
constexpr const char* kAnyBusinessRole = "workbench.view";

struct Deps {
  AttachmentService& service;
  Owners owners;
};

const AccessFn* OwnerOf(const Deps& d, std::string_view type) {
  if (type == kProject) return &d.owners.project.access;
  if (type == kFactorRequest) return &d.owners.factor_request.access;
  return nullptr;
}

bool MayRemove(const Access& a, const Attachment& f, int64_t user_id) {
  return a.manage || (a.attach && f.uploaded_by == user_id);
}

json::object FileJson(const Attachment& f, const Access& a, int64_t user_id) {
  return {{"id", f.id},
          {"object_type", f.object.type},
          {"object_id", f.object.id},
          {"kind", f.kind},
          {"stage", f.stage},
          {"name", f.name},
          {"format", f.format},
          {"size_bytes", f.size_bytes},
          {"sha256", f.sha256},
          {"uploaded_by_name", f.uploaded_by_name},
          {"uploaded_at", f.uploaded_at},
          {"capabilities", json::object{{"remove", MayRemove(a, f, user_id)}}}};
}

template <const std::string_view& kType>
http::Response List(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound());
  auto access = (*OwnerOf(d, kType))(*ctx.principal, *id);
  if (!access) return ErrorResponse(access.error());
  json::array items;
  for (const auto& f : d.service.List({std::string(kType), *id}))
    items.push_back(FileJson(f, *access, ctx.principal->user_id));
  return JsonResponse(200,
                      json::object{{"items", std::move(items)},
                                   {"max_bytes", d.service.max_bytes()},
                                   {"capabilities", json::object{{"attach", access->attach}}}});
}

// The body is the file itself; `kind` and `name` come in the query.
template <const std::string_view& kType>
http::Response UploadFile(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound());
  auto access = (*OwnerOf(d, kType))(*ctx.principal, *id);
  if (!access) return ErrorResponse(access.error());
  Upload in{ctx.req.Query("kind"), ctx.req.Query("name"), access->stage, ctx.req.body};
  // What cannot be a file is refused as such first (the caller reads the object anyway);
  // then whether the caller is a party who attaches.
  auto f = d.service.Add({std::string(kType), *id}, std::move(in), ctx.principal->user_id,
                         ctx.Actor(), access->attach);
  if (!f) return ErrorResponse(f.error());
  return JsonResponse(201, FileJson(*f, *access, ctx.principal->user_id));
}

// The file and the caller's access to the object it belongs to; not_found for both a missing
// file and one the caller may not read.
Result<std::pair<Attachment, Access>> Load(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return Fail(NotFound("attachment not found"));
  auto f = d.service.Get(*id);
  if (!f || f->deleted_at) return Fail(NotFound("attachment not found"));
  const AccessFn* owner = OwnerOf(d, f->object.type);
  if (!owner) return Fail(NotFound("attachment not found"));
  auto access = (*owner)(*ctx.principal, f->object.id);
  if (!access) return Fail(NotFound("attachment not found"));
  return std::make_pair(std::move(*f), std::move(*access));
}

http::Response Content(const Deps& d, RequestContext& ctx) {
  auto loaded = Load(d, ctx);
  if (!loaded) return ErrorResponse(loaded.error());
  const Attachment& f = loaded->first;
  auto bytes = d.service.Download(f, ctx.Actor());
  if (!bytes) return ErrorResponse(bytes.error());
  const Format* format = FindFormat(f.format);
  const std::string ext = ExtensionOf(f.name);
  auto r = http::FileResponse(
      std::move(*bytes), format ? std::string(format->mime) : "application/octet-stream",
      "attachment-" + std::to_string(f.id) + (ext.empty() ? "" : "." + ext), f.name);
  r.headers.emplace_back("Cache-Control", "private, no-store");
  return r;
}

http::Response Remove(const Deps& d, RequestContext& ctx) {
  auto loaded = Load(d, ctx);
  if (!loaded) return ErrorResponse(loaded.error());
  const auto& [f, access] = *loaded;
  if (!MayRemove(access, f, ctx.principal->user_id))
    return ErrorResponse(Forbidden("only the uploader or the coordinator removes a file"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto reason = in->String("reason", false, 400);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  // Required, one line, ≤ 200: the service's rule.
  auto st = d.service.Remove(f, ctx.principal->user_id, reason.value_or(""), ctx.Actor());
  return st ? http::NoContent() : ErrorResponse(st.error());
}

http::Response Kinds(const Deps& d, RequestContext&) {
  json::array kinds, formats;
  for (const auto& k : attachments::Kinds()) {
    json::array stages;
    for (auto s : k.stages) stages.emplace_back(s);
    kinds.push_back(json::object{{"code", k.code}, {"name", k.zh}, {"stages", std::move(stages)}});
  }
  for (const auto& f : attachments::Formats()) {
    json::array ext;
    for (auto e : f.extensions) ext.emplace_back(e);
    formats.push_back(json::object{{"code", f.code}, {"extensions", std::move(ext)}});
  }
  return JsonResponse(200, json::object{{"kinds", std::move(kinds)},
                                        {"formats", std::move(formats)},
                                        {"max_bytes", d.service.max_bytes()},
                                        {"max_files", kMaxPerObject}});
}
}  // namespace

void RegisterAttachmentRoutes(AppRouter& r, AttachmentService& service, Owners owners) {
  const Owner project = owners.project, request = owners.factor_request;
  auto with = BindTo(Deps{service, std::move(owners)});
  r.Add("GET", "/api/v1/attachments/kinds", kAnyBusinessRole, with(Kinds));  // before {id}
  r.Add("GET", "/api/v1/attachments/{id}/content", kAnyBusinessRole, with(Content));
  r.Add("DELETE", "/api/v1/attachments/{id}", kAnyBusinessRole, with(Remove));
  r.Add("GET", "/api/v1/projects/{id}/attachments", project.read_permission, with(List<kProject>));
  r.Add("POST", "/api/v1/projects/{id}/attachments", project.attach_permission,
        with(UploadFile<kProject>), true);
  r.Add("GET", "/api/v1/factor-requests/{id}/attachments", request.read_permission,
        with(List<kFactorRequest>));
  r.Add("POST", "/api/v1/factor-requests/{id}/attachments", request.attach_permission,
        with(UploadFile<kFactorRequest>), true);
}

}  // namespace zhaoshang::attachments
