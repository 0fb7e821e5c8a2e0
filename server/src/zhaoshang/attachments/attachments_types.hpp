#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace zhaoshang::attachments {

// What an attachment belongs to. The owning module decides who may read and attach.
inline constexpr std::string_view kProject = "project";
inline constexpr std::string_view kFactorRequest = "factor_request";

struct ObjectRef {
  std::string type;  // kProject | kFactorRequest
  int64_t id = 0;
};

struct Attachment {
  int64_t id = 0;
  ObjectRef object;
  std::string kind, stage, name, format;
  int64_t size_bytes = 0;
  std::string sha256;
  int64_t uploaded_by = 0;
  std::string uploaded_by_name;
  int64_t uploaded_at = 0;
  std::optional<int64_t> deleted_by, deleted_at;
  std::string delete_reason;
};

}  // namespace zhaoshang::attachments
