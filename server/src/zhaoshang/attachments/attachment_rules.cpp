#include "zhaoshang/attachments/attachment_rules.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/text.hpp"

namespace zhaoshang::attachments {

const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {"business_licence", "营业执照", {"lead", "in_review"}},
      {"project_proposal", "项目计划书", {"lead", "in_review"}},
      {"financial_statements", "财务报表", {"in_review", "approved"}},
      {"meeting_minutes", "洽谈纪要", {"approved", "negotiating"}},
      {"investment_agreement", "投资协议", {"negotiating", "signed"}},
      {"project_filing", "备案/核准文件", {"signed", "construction"}},
      {"land_certificate", "用地手续", {"signed", "construction"}},
      // A kind is suggested from the stage before the one it proves: the permit is uploaded
      // to enter 已开工, the photos to enter 已投产.
      {"construction_permit", "施工许可证", {"signed", "construction"}},
      {"production_photo", "投产照片", {"construction", "production"}},
      {"other", "其他材料", {}},
  };
  return kinds;
}

const Kind* FindKind(std::string_view code) {
  for (const auto& k : Kinds())
    if (k.code == code) return &k;
  return nullptr;
}

const std::vector<Format>& Formats() {
  static const std::vector<Format> formats = {
      {"pdf", "application/pdf", {"pdf"}},
      {"png", "image/png", {"png"}},
      {"jpeg", "image/jpeg", {"jpg", "jpeg"}},
      {"heic", "image/heic", {"heic", "heif"}},
      {"ofd", "application/ofd", {"ofd"}},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}},
      {"pptx",
       "application/vnd.openxmlformats-officedocument.presentationml.presentation",
       {"pptx"}},
      {"ms_office", "application/octet-stream", {"doc", "xls", "ppt"}},
  };
  return formats;
}

const Format* FindFormat(std::string_view code) {
  for (const auto& f : Formats())
    if (f.code == code) return &f;
  return nullptr;
}

namespace {

uint32_t Le16(std::string_view b, size_t at) {
  return static_cast<uint8_t>(b[at]) | static_cast<uint32_t>(static_cast<uint8_t>(b[at + 1])) << 8;
}
uint32_t Le32(std::string_view b, size_t at) { return Le16(b, at) | Le16(b, at + 2) << 16; }

bool StartsWith(std::string_view b, std::string_view sig, size_t at = 0) {
  return b.size() >= at + sig.size() && b.substr(at, sig.size()) == sig;
}

// The names in a ZIP's central directory (found from the end-of-directory record), at most
// kMaxEntries of them; empty when the archive's directory cannot be read.
std::vector<std::string_view> ZipNames(std::string_view b) {
  constexpr size_t kEocd = 22, kMaxComment = 0xFFFF, kMaxEntries = 5000;
  std::vector<std::string_view> names;
  if (b.size() < kEocd) return names;
  const size_t lowest = b.size() > kEocd + kMaxComment ? b.size() - kEocd - kMaxComment : 0;
  size_t eocd = std::string_view::npos;
  for (size_t at = b.size() - kEocd + 1; at-- > lowest;) {
    if (StartsWith(b, std::string_view("PK\x05\x06", 4), at)) {
      eocd = at;
      break;
    }
  }
  if (eocd == std::string_view::npos) return names;
  const size_t entries = Le16(b, eocd + 10);
  size_t at = Le32(b, eocd + 16);
  for (size_t i = 0; i < entries && i < kMaxEntries; ++i) {
    if (at + 46 > b.size() || !StartsWith(b, std::string_view("PK\x01\x02", 4), at)) break;
    const size_t name_len = Le16(b, at + 28), extra = Le16(b, at + 30), comment = Le16(b, at + 32);
    if (at + 46 + name_len > b.size()) break;
    names.push_back(b.substr(at + 46, name_len));
    at += 46 + name_len + extra + comment;
  }
  return names;
}

std::optional<std::string_view> ZipFormat(std::string_view b) {
  const auto names = ZipNames(b);
  auto has = [&](std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  if (has("OFD.xml")) return "ofd";
  if (has("word/document.xml")) return "docx";
  if (has("xl/workbook.xml")) return "xlsx";
  if (has("ppt/presentation.xml")) return "pptx";
  return std::nullopt;  // another kind of ZIP: not accepted
}

}  // namespace

std::optional<std::string_view> SniffFormat(std::string_view b) {
  if (StartsWith(b, "%PDF-")) return "pdf";
  if (StartsWith(b, std::string_view("\x89PNG\r\n\x1a\n", 8))) return "png";
  if (StartsWith(b, std::string_view("\xFF\xD8\xFF", 3))) return "jpeg";
  if (StartsWith(b, "ftyp", 4) && b.size() >= 12) {
    const std::string_view brand = b.substr(8, 4);
    for (std::string_view h : {"heic", "heix", "heif", "mif1", "msf1"})
      if (brand == h) return "heic";
  }
  if (StartsWith(b, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) return "ms_office";
  if (StartsWith(b, std::string_view("PK\x03\x04", 4))) return ZipFormat(b);
  return std::nullopt;
}

std::string ExtensionOf(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return "";
  std::string ext(name.substr(dot + 1));
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext;
}

namespace {
// The first `n` code points of valid UTF-8 text.
std::string_view FirstChars(std::string_view s, size_t n) {
  size_t at = 0;
  for (size_t count = 0; at < s.size() && count < n; ++count) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  }
  return s.substr(0, at);
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '.')) s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}
}  // namespace

bool CleanName(std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  if (!SanitizeText(name, TextKind::kLine)) return false;
  name = Trimmed(name);
  if (name.empty()) return false;
  if (Utf8Length(name) > kMaxNameChars) {
    const std::string ext = ExtensionOf(name);
    const size_t keep =
        ext.empty() || ext.size() > 10 ? kMaxNameChars : kMaxNameChars - ext.size() - 1;
    std::string stem(FirstChars(name, keep));
    name = ext.empty() || ext.size() > 10 ? stem : stem + "." + ext;
  }
  return true;
}

std::optional<Refusal> CheckUpload(std::string_view kind, std::string& name, std::string_view bytes,
                                   int64_t max_bytes, std::string& format) {
  if (kind.empty()) return Refusal{"kind", "required"};
  if (!FindKind(kind)) return Refusal{"kind", "invalid_value"};
  if (name.empty()) return Refusal{"name", "required"};
  if (!CleanName(name)) return Refusal{"name", "invalid_value"};
  const std::string ext = ExtensionOf(name);
  if (ext.empty()) return Refusal{"name", "no_extension"};
  if (bytes.empty()) return Refusal{"file", "empty"};
  if (static_cast<int64_t>(bytes.size()) > max_bytes) return Refusal{"file", "too_large"};
  auto sniffed = SniffFormat(bytes);
  if (!sniffed) return Refusal{"file", "unsupported_type"};
  const Format* f = FindFormat(*sniffed);
  if (std::find(f->extensions.begin(), f->extensions.end(), ext) == f->extensions.end())
    return Refusal{"file", "type_mismatch"};
  format = std::string(f->code);
  return std::nullopt;
}

}  // namespace zhaoshang::attachments
