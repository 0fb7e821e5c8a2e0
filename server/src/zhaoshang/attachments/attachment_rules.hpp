#pragma once
// Attachments (佐证材料): the kinds of evidence, the file formats accepted and how a format is
// recognised from the bytes themselves (never from the name or the browser's Content-Type),
// and the upload name cleaned for storage and for Content-Disposition. Pure: no SQL, no HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::attachments {

// A kind of evidence, with the project stages it usually belongs to (the upload form
// suggests them; any kind may be attached at any stage).
struct Kind {
  std::string_view code;
  std::string_view zh;
  std::vector<std::string_view> stages;
};
const std::vector<Kind>& Kinds();
const Kind* FindKind(std::string_view code);

// A format recognised from the content: its code, the MIME type it is served as, and the
// file-name extensions that may carry it.
struct Format {
  std::string_view code;
  std::string_view mime;
  std::vector<std::string_view> extensions;
};
const std::vector<Format>& Formats();
const Format* FindFormat(std::string_view code);

// The format of `bytes` by their signature (PDF, PNG, JPEG, HEIC, OFD, DOCX/XLSX/PPTX by the
// parts inside the ZIP, legacy Office by the compound-file header), or none.
std::optional<std::string_view> SniffFormat(std::string_view bytes);

// The extension of a file name, lower case, without the dot ("" when it has none).
std::string ExtensionOf(std::string_view name);

// The upload name as stored: the last path component, format characters removed, at most
// kMaxNameChars characters (the extension kept). False when the name is not UTF-8, holds a
// control character or is empty after cleaning.
bool CleanName(std::string& name);

inline constexpr size_t kMaxNameChars = 120;
// Files per project or factor request (a bound on what one object can hold).
inline constexpr int64_t kMaxPerObject = 200;
// Default size limit of one file; the server's `attachment_limit` setting overrides it.
inline constexpr int64_t kDefaultMaxBytes = 20LL << 20;

// Why an upload is refused, as the field error the client shows.
struct Refusal {
  std::string field, reason;
};
// Checks one upload: the kind is known, the name is clean and has an extension, the bytes
// are not empty and no larger than `max_bytes`, their format is accepted and matches the
// extension. On success `name` is cleaned and `format` set.
std::optional<Refusal> CheckUpload(std::string_view kind, std::string& name, std::string_view bytes,
                                   int64_t max_bytes, std::string& format);

}  // namespace zhaoshang::attachments
