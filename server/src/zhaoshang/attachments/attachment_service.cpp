#include "zhaoshang/attachments/attachment_service.hpp"

#include "zhaoshang/attachments/attachment_rules.hpp"
#include "zhaoshang/attachments/attachments_store.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/core/text.hpp"

namespace zhaoshang::attachments {

namespace {
constexpr size_t kMaxReasonChars = 200;

Error NotFoundFile() { return NotFound("attachment not found"); }
}  // namespace

Result<Attachment> AttachmentService::Add(const ObjectRef& o, Upload in, int64_t user_id,
                                          const Actor& a, bool may_attach) {
  std::string format;
  if (auto r = CheckUpload(in.kind, in.name, in.bytes, max_bytes_, format))
    return Fail(InvalidArgument({{r->field, r->reason}}, "the file cannot be attached"));
  if (!may_attach) return Fail(Forbidden("you may not attach files here"));
  Attachment f;
  f.object = o;
  f.kind = in.kind;
  f.stage = in.stage;
  f.name = in.name;
  f.format = format;
  f.size_bytes = static_cast<int64_t>(in.bytes.size());
  f.sha256 = Sha256Hex(in.bytes);
  f.uploaded_by = user_id;
  f.uploaded_at = clock_.NowMs();
  auto lease = db_.Acquire();
  db::Transaction tx(*lease, true);
  if (store::Count(*lease, o) >= kMaxPerObject)
    return Fail(ErrorCode::kConflict, "too_many_files",
                "this object already holds the most files it may", {{"file", "too_many_files"}});
  f.id = store::Insert(*lease, f, in.bytes);
  audit::Diff d;
  d.Created("attachment_id", std::to_string(f.id));
  d.Created("kind", f.kind);
  d.Created("name", f.name);
  d.Created("size_bytes", std::to_string(f.size_bytes));
  d.Created("sha256", f.sha256);
  audit::Append(*lease, f.uploaded_at, a,
                {"attachment.upload", o.type, std::to_string(o.id), d.Json()});
  auto stored = store::Get(*lease, f.id);
  tx.Commit();
  return std::move(*stored);
}

std::vector<Attachment> AttachmentService::List(const ObjectRef& o) {
  auto lease = db_.Acquire();
  return store::List(*lease, o, false);
}

std::optional<Attachment> AttachmentService::Get(int64_t id) {
  auto lease = db_.Acquire();
  return store::Get(*lease, id);
}

Result<std::string> AttachmentService::Download(const Attachment& f, const Actor& a) {
  if (f.deleted_at) return Fail(NotFoundFile());
  auto lease = db_.Acquire();
  auto bytes = store::Content(*lease, f.id);
  if (!bytes) return Fail(NotFoundFile());
  db::Transaction tx(*lease, true);
  audit::Diff d;
  d.Created("attachment_id", std::to_string(f.id));
  d.Created("name", f.name);
  audit::Append(*lease, clock_.NowMs(), a,
                {"attachment.download", f.object.type, std::to_string(f.object.id), d.Json()});
  tx.Commit();
  return std::move(*bytes);
}

Status AttachmentService::Remove(const Attachment& f, int64_t user_id, std::string reason,
                                 const Actor& a) {
  if (!SanitizeText(reason, TextKind::kLine))
    return Fail(InvalidArgument({{"reason", "invalid_value"}}));
  if (reason.empty()) return Fail(InvalidArgument({{"reason", "required"}}));
  if (Utf8Length(reason) > kMaxReasonChars) return Fail(InvalidArgument({{"reason", "too_long"}}));
  const int64_t now = clock_.NowMs();
  auto lease = db_.Acquire();
  db::Transaction tx(*lease, true);
  if (!store::MarkRemoved(*lease, f.id, user_id, now, reason)) return Fail(NotFoundFile());
  audit::Diff d;
  d.Created("attachment_id", std::to_string(f.id));
  d.Created("name", f.name);
  d.Created("reason", reason);
  audit::Append(*lease, now, a,
                {"attachment.remove", f.object.type, std::to_string(f.object.id), d.Json()});
  tx.Commit();
  return {};
}

}  // namespace zhaoshang::attachments
