#pragma once
// The built SPA, loaded into memory at start (a few MB) so serving it never blocks an I/O
// thread on the disk. Precompressed .br/.gz siblings are served when the client accepts them.
#include <optional>
#include <string>
#include <unordered_map>

#include "zhaoshang/http/message.hpp"

namespace zhaoshang::http {

class StaticFiles {
 public:
  // Loads every file under dir; returns the number of files (0 if dir is missing).
  size_t Load(const std::string& dir);
  // GET/HEAD of a non-API path. nullopt when neither a file nor the SPA fallback applies.
  std::optional<Response> Serve(const Request& req) const;
  bool loaded() const { return !files_.empty(); }

 private:
  struct File {
    std::string body, gz, br, content_type;
  };
  std::unordered_map<std::string, File> files_;  // key: "/assets/index-abc.js"
};

std::string ContentTypeFor(const std::string& path);

}  // namespace zhaoshang::http
