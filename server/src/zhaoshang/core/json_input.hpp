#pragma once
// Strict reader for JSON request bodies: collects every field problem at once
// (required / wrong_type / unknown_field / too_long / invalid_value) so the client can show
// them all. Duplicate keys are invalid JSON here; every string is cleaned by SanitizeText
// (core/text.hpp) before any check, and a control character makes its top-level field
// invalid_value.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "zhaoshang/core/error.hpp"

namespace zhaoshang {

class JsonInput {
 public:
  static Result<JsonInput> Parse(std::string_view body);
  // A nested object read with the same rules (its errors name its own fields).
  static JsonInput FromObject(const boost::json::object& o) {
    JsonInput in;
    in.obj_ = o;
    return in;
  }
  const boost::json::object& raw() const { return obj_; }
  // Marks a field as known when the caller reads it from raw() itself.
  void Mark(const std::string& key) { seen_.insert(key); }

  // One line of text: no control characters at all.
  std::optional<std::string> String(const std::string& key, bool required, size_t max_chars = 200);
  // Free text (descriptions, summaries, reasons): tab and line breaks allowed.
  std::optional<std::string> Text(const std::string& key, bool required, size_t max_chars);
  // A password: one line, and never altered — invisible characters make it invalid_value
  // instead of being stripped (two different typed passwords must not become one).
  std::optional<std::string> Secret(const std::string& key, bool required, size_t max_chars);
  std::optional<int64_t> Int(const std::string& key, bool required);
  std::optional<bool> Bool(const std::string& key, bool required);
  std::optional<std::vector<std::string>> StringArray(const std::string& key, bool required);
  // Field present with an explicit null.
  bool IsNull(const std::string& key) const;
  void AddError(const std::string& field, const std::string& reason) {
    errors_.emplace(field, reason);
  }

  // Unknown fields and collected errors become one invalid_argument error.
  Status Finish();

 private:
  const boost::json::value* Find(const std::string& key, bool required);
  std::optional<std::string> ReadString(const std::string& key, bool required, size_t max_chars,
                                        bool multiline);

  boost::json::object obj_;
  std::set<std::string> seen_;
  std::map<std::string, std::string> errors_;
  std::set<std::string> stripped_;  // top-level keys whose strings lost invisible characters
};

// Counts UTF-8 code points (lengths are limited in characters, not bytes).
size_t Utf8Length(std::string_view s);

}  // namespace zhaoshang
