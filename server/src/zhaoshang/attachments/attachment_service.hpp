#pragma once
// Attachments (佐证材料): stores a checked upload with its audit row in one transaction, lists
// an object's files, serves one (audited), and removes one (marked, with a reason). Who may do
// which is the owning module's decision (see attachments_routes.hpp); this service trusts
// the access it is given. No SQL text, no HTTP.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/attachments/attachments_types.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::attachments {

struct Upload {
  std::string kind, name;
  std::string stage;  // the project's stage at upload ("" for other objects)
  std::string bytes;
};

class AttachmentService {
 public:
  AttachmentService(db::Database& db, const Clock& clock, int64_t max_bytes)
      : db_(db), clock_(clock), max_bytes_(max_bytes) {}

  int64_t max_bytes() const { return max_bytes_; }
  // Errors: invalid_argument with kind / name / file (see CheckUpload); then forbidden unless
  // `may_attach`; too_many_files.
  Result<Attachment> Add(const ObjectRef& o, Upload in, int64_t user_id, const Actor& a,
                         bool may_attach);
  std::vector<Attachment> List(const ObjectRef& o);
  std::optional<Attachment> Get(int64_t id);
  // The bytes of a file (not removed), with an audit row naming who downloaded it.
  Result<std::string> Download(const Attachment& f, const Actor& a);
  // reason required (one line, ≤ 200 characters).
  Status Remove(const Attachment& f, int64_t user_id, std::string reason, const Actor& a);

 private:
  db::Database& db_;
  const Clock& clock_;
  int64_t max_bytes_;
};

}  // namespace zhaoshang::attachments
