#include "zhaoshang/core/json_input.hpp"

#include <vector>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/parse.hpp>

#include "zhaoshang/core/text.hpp"

namespace zhaoshang {
namespace json = boost::json;

namespace {
// A SAX pass that only looks for a key repeated within one object ({"a":1,"a":2}): Boost.JSON
// keeps the last one silently, so a proxy or a log could read a different value than we do.
struct DuplicateKeyFinder {
  // NOLINTBEGIN(readability-identifier-naming): names boost::json::basic_parser requires
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  // NOLINTEND(readability-identifier-naming)
  std::vector<std::vector<std::string>> objects;  // keys seen, per open object
  std::string key;
  bool duplicate = false;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_array_begin(boost::system::error_code&) { return true; }
  bool on_array_end(std::size_t, boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) {
    objects.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, boost::system::error_code&) {
    objects.pop_back();
    return true;
  }
  bool on_string_part(json::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, boost::system::error_code&) { return true; }
  bool on_key_part(json::string_view s, std::size_t, boost::system::error_code&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, boost::system::error_code& ec) {
    key.append(s.data(), s.size());
    auto& seen = objects.back();
    for (const auto& k : seen)
      if (k == key) {
        duplicate = true;
        ec = json::error::syntax;  // stop at the first one
        return false;
      }
    seen.push_back(std::move(key));
    key.clear();
    return true;
  }
  bool on_number_part(json::string_view, boost::system::error_code&) { return true; }
  bool on_int64(int64_t, json::string_view, boost::system::error_code&) { return true; }
  bool on_uint64(uint64_t, json::string_view, boost::system::error_code&) { return true; }
  bool on_double(double, json::string_view, boost::system::error_code&) { return true; }
  bool on_bool(bool, boost::system::error_code&) { return true; }
  bool on_null(boost::system::error_code&) { return true; }
  bool on_comment_part(json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(json::string_view, boost::system::error_code&) { return true; }
};

bool HasDuplicateKeys(std::string_view body) {
  json::basic_parser<DuplicateKeyFinder> p(json::parse_options{});
  boost::system::error_code ec;
  p.write_some(false, body.data(), body.size(), ec);
  return p.handler().duplicate;
}

// Cleans every string below a value in place; false when one holds a control character
// (line breaks pass here: single-line fields refuse them when they are read).
// *stripped says whether invisible characters were removed somewhere below.
bool SanitizeTree(json::value& v, bool* stripped) {
  if (v.is_string()) {
    std::string s(v.get_string());
    if (!SanitizeText(s, TextKind::kMultiline)) return false;
    if (s.size() != v.get_string().size()) {
      v = s;
      *stripped = true;
    }
    return true;
  }
  bool ok = true;
  if (v.is_array())
    for (auto& e : v.get_array()) ok = SanitizeTree(e, stripped) && ok;
  if (v.is_object())
    for (auto& kv : v.get_object()) ok = SanitizeTree(kv.value(), stripped) && ok;
  return ok;
}
}  // namespace

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
  if (HasDuplicateKeys(body))
    return Fail(ErrorCode::kInvalidArgument, "invalid_json",
                "request body repeats a key within one object");
  JsonInput in;
  in.obj_ = std::move(v.as_object());
  for (auto& kv : in.obj_) {
    bool stripped = false;
    if (!SanitizeTree(kv.value(), &stripped))
      in.errors_.emplace(std::string(kv.key()), "invalid_value");
    if (stripped) in.stripped_.emplace(kv.key());
  }
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
  return ReadString(key, required, max_chars, false);
}

std::optional<std::string> JsonInput::Text(const std::string& key, bool required,
                                           size_t max_chars) {
  return ReadString(key, required, max_chars, true);
}

std::optional<std::string> JsonInput::Secret(const std::string& key, bool required,
                                             size_t max_chars) {
  if (stripped_.count(key)) {  // a secret is taken as typed or not at all
    seen_.insert(key);
    errors_.emplace(key, "invalid_value");
    return std::nullopt;
  }
  return ReadString(key, required, max_chars, false);
}

std::optional<std::string> JsonInput::ReadString(const std::string& key, bool required,
                                                 size_t max_chars, bool multiline) {
  if (errors_.count(key)) {  // a control character found while parsing
    seen_.insert(key);
    return std::nullopt;
  }
  const json::value* v = Find(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    errors_.emplace(key, "wrong_type");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (!multiline && !IsOneLine(s)) {
    errors_.emplace(key, "invalid_value");
    return std::nullopt;
  }
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
    if (!IsOneLine(std::string_view(e.as_string().data(), e.as_string().size()))) {
      errors_.emplace(key, "invalid_value");
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
