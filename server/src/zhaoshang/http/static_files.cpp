#include "zhaoshang/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace zhaoshang::http {
namespace fs = std::filesystem;

namespace {
std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::string ContentTypeFor(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  };
  for (const auto& [ext, type] : kTypes)
    if (EndsWith(path, ext)) return type;
  return "application/octet-stream";
}

size_t StaticFiles::Load(const std::string& dir) {
  files_.clear();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string rel = "/" + fs::relative(e.path(), dir).generic_string();
    if (EndsWith(rel, ".gz") || EndsWith(rel, ".br")) continue;
    File f;
    f.body = ReadAll(e.path());
    f.content_type = ContentTypeFor(rel);
    if (fs::exists(e.path().string() + ".gz")) f.gz = ReadAll(e.path().string() + ".gz");
    if (fs::exists(e.path().string() + ".br")) f.br = ReadAll(e.path().string() + ".br");
    files_.emplace(rel, std::move(f));
  }
  return files_.size();
}

std::optional<Response> StaticFiles::Serve(const Request& req) const {
  std::string path = req.path.empty() ? "/" : req.path;
  if (path.find("..") != std::string::npos) return std::nullopt;
  if (path == "/") path = "/index.html";
  auto it = files_.find(path);
  if (it == files_.end()) {
    // SPA routes (no extension) get index.html; a missing asset is a real 404.
    std::string last = path.substr(path.rfind('/') + 1);
    if (last.find('.') != std::string::npos) return std::nullopt;
    it = files_.find("/index.html");
    if (it == files_.end()) return std::nullopt;
    path = "/index.html";
  }
  const File& f = it->second;
  Response r;
  r.status = 200;
  r.content_type = f.content_type;
  const std::string accept = req.Header("accept-encoding");
  if (!f.br.empty() && accept.find("br") != std::string::npos) {
    r.body = f.br;
    r.headers.emplace_back("Content-Encoding", "br");
  } else if (!f.gz.empty() && accept.find("gzip") != std::string::npos) {
    r.body = f.gz;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.body = f.body;
  }
  if (!f.gz.empty() || !f.br.empty()) r.headers.emplace_back("Vary", "Accept-Encoding");
  // Vite puts content hashes in asset names, so they never change under the same URL.
  r.headers.emplace_back("Cache-Control", path.rfind("/assets/", 0) == 0
                                              ? "public, max-age=31536000, immutable"
                                              : "no-cache");
  return r;
}

}  // namespace zhaoshang::http
