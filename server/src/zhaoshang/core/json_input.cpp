#include "zhaoshang/core/json_input.hpp"

#include <boost/json/parse.hpp>

namespace zhaoshang {
namespace json = boost::json;

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Result<JsonInput> JsonInput::Parse(std::string_view body) {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec)
    return Fail(ErrorCode::kInvalidArgument, "invalid_json", "request body is not valid JSON");
  if (!v.is_object())
    return Fail(ErrorCode::kInvalidArgument, "invalid_json", "request body must be a JSON object");
  JsonInput in;
  in.obj_ = std::move(v.as_object());
  return in;
}

const json::value* JsonInput::Find(const std::string& key, bool required) {
  seen_.insert(key);
  auto it = obj_.find(key);
  if (it == obj_.end() || it->value().is_null()) {
    if (required) errors_.emplace(key, "required");
    return nullptr;
  }
  return &it->value();
}

bool JsonInput::IsNull(const std::string& key) const {
  auto it = obj_.find(key);
  return it != obj_.end() && it->value().is_null();
}

std::optional<std::string> JsonInput::String(const std::string& key, bool required,
                                             size_t max_chars) {
  const json::value* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    errors_.emplace(key, "wrong_type");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (Utf8Length(s) > max_chars) {
    errors_.emplace(key, "too_long");
    return std::nullopt;
  }
  if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors_.emplace(key, "required");
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> JsonInput::Int(const std::string& key, bool required) {
  const json::value* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return static_cast<int64_t>(v->as_uint64());
  errors_.emplace(key, "wrong_type");
  return std::nullopt;
}

std::optional<bool> JsonInput::Bool(const std::string& key, bool required) {
  const json::value* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) {
    errors_.emplace(key, "wrong_type");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::vector<std::string>> JsonInput::StringArray(const std::string& key,
                                                               bool required) {
  const json::value* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_array()) {
    errors_.emplace(key, "wrong_type");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& e : v->as_array()) {
    if (!e.is_string()) {
      errors_.emplace(key, "wrong_type");
      return std::nullopt;
    }
    out.emplace_back(e.as_string());
  }
  return out;
}

Status JsonInput::Finish() {
  for (const auto& kv : obj_) {
    std::string k(kv.key());
    if (!seen_.count(k)) errors_.emplace(k, "unknown_field");
  }
  if (!errors_.empty()) return Fail(InvalidArgument(errors_, "request has invalid fields"));
  return {};
}

}  // namespace zhaoshang
