#pragma once
// Protocol-neutral errors. Only http/ maps ErrorCode to a status.
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace zhaoshang {

enum class ErrorCode {
  kInvalidArgument,
  kUnauthenticated,
  kForbidden,
  kNotFound,
  kConflict,
  kLocked,
  kTooManyRequests,
  kPayloadTooLarge,
  kUnsupportedMediaType,
  kMethodNotAllowed,
  kUnavailable,
  kInternal,
};

struct Error {
  ErrorCode kind = ErrorCode::kInternal;
  std::string code;     // stable machine code, e.g. "invalid_credentials"; the UI translates it
  std::string message;  // English, for logs and API clients
  std::map<std::string, std::string> fields;  // field -> reason code
  int64_t retry_after_ms = 0;                 // > 0: when to try again (429, 423, 503)

  Error() = default;
  Error(ErrorCode k, std::string c, std::string m, std::map<std::string, std::string> f = {})
      : kind(k), code(std::move(c)), message(std::move(m)), fields(std::move(f)) {}
};

template <typename T>
using Result = tl::expected<T, Error>;
using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> Fail(ErrorCode k, std::string code, std::string message,
                                  std::map<std::string, std::string> fields = {}) {
  return tl::unexpected<Error>(Error{k, std::move(code), std::move(message), std::move(fields)});
}
inline tl::unexpected<Error> Fail(Error e) { return tl::unexpected<Error>(std::move(e)); }

inline Error InvalidArgument(std::map<std::string, std::string> fields,
                             std::string message = "invalid argument") {
  return Error{ErrorCode::kInvalidArgument, "invalid_argument", std::move(message),
               std::move(fields)};
}
inline Error NotFound(std::string what = "not found") {
  return Error{ErrorCode::kNotFound, "not_found", std::move(what)};
}
inline Error Forbidden(std::string what = "forbidden") {
  return Error{ErrorCode::kForbidden, "forbidden", std::move(what)};
}
inline Error VersionConflict() {
  return Error{ErrorCode::kConflict, "version_conflict",
               "the object was changed by someone else; reload and try again"};
}

}  // namespace zhaoshang
