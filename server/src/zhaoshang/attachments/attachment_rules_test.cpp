#include "zhaoshang/attachments/attachment_rules.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zhaoshang::attachments {
namespace {

void Put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xFFFF);
  Put16(s, v >> 16);
}

// A stored (uncompressed) ZIP holding empty files with these names, with its central
// directory: what a DOCX or an OFD looks like to the sniffer.
std::string Zip(const std::vector<std::string>& names) {
  std::string out, dir;
  for (const auto& n : names) {
    const auto offset = static_cast<uint32_t>(out.size());
    out += std::string("PK\x03\x04", 4);
    Put16(out, 20), Put16(out, 0), Put16(out, 0), Put16(out, 0), Put16(out, 0);
    Put32(out, 0), Put32(out, 0), Put32(out, 0);
    Put16(out, static_cast<uint32_t>(n.size())), Put16(out, 0);
    out += n;
    dir += std::string("PK\x01\x02", 4);
    Put16(dir, 20), Put16(dir, 20), Put16(dir, 0), Put16(dir, 0), Put16(dir, 0), Put16(dir, 0);
    Put32(dir, 0), Put32(dir, 0), Put32(dir, 0);
    Put16(dir, static_cast<uint32_t>(n.size())), Put16(dir, 0), Put16(dir, 0);
    Put16(dir, 0), Put16(dir, 0), Put32(dir, 0), Put32(dir, offset);
    dir += n;
  }
  const auto dir_at = static_cast<uint32_t>(out.size());
  out += dir;
  out += std::string("PK\x05\x06", 4);
  Put16(out, 0), Put16(out, 0);
  Put16(out, static_cast<uint32_t>(names.size())), Put16(out, static_cast<uint32_t>(names.size()));
  Put32(out, static_cast<uint32_t>(dir.size())), Put32(out, dir_at), Put16(out, 0);
  return out;
}

const std::string kPdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10);

TEST(AttachmentRules, SniffsFormatsFromTheBytes) {
  EXPECT_EQ(SniffFormat(kPdf), "pdf");
  EXPECT_EQ(SniffFormat(kPng), "png");
  EXPECT_EQ(SniffFormat(kJpeg), "jpeg");
  EXPECT_EQ(SniffFormat(std::string("\0\0\0\x18"
                                    "ftypheic\0\0\0\0",
                                    16)),
            "heic");
  EXPECT_EQ(SniffFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12)), "ms_office");
  EXPECT_EQ(SniffFormat(Zip({"[Content_Types].xml", "word/document.xml"})), "docx");
  EXPECT_EQ(SniffFormat(Zip({"[Content_Types].xml", "xl/workbook.xml"})), "xlsx");
  EXPECT_EQ(SniffFormat(Zip({"ppt/presentation.xml"})), "pptx");
  EXPECT_EQ(SniffFormat(Zip({"OFD.xml", "Doc_0/Document.xml"})), "ofd");
}

TEST(AttachmentRules, RefusesWhatItDoesNotRecognise) {
  EXPECT_FALSE(SniffFormat(""));
  EXPECT_FALSE(SniffFormat("<html><script>alert(1)</script></html>"));
  EXPECT_FALSE(SniffFormat("MZ\x90\0 an executable"));
  EXPECT_FALSE(SniffFormat(Zip({"payload.exe"})));          // a ZIP that is no document
  EXPECT_FALSE(SniffFormat(std::string("PK\x03\x04", 4)));  // a truncated ZIP
  EXPECT_FALSE(SniffFormat("ftyp"));
}

TEST(AttachmentRules, ExtensionMustMatchTheContent) {
  std::string format;
  std::string name = "协议.pdf";
  EXPECT_FALSE(CheckUpload("investment_agreement", name, kPdf, kDefaultMaxBytes, format));
  EXPECT_EQ(format, "pdf");
  name = "照片.JPG";
  EXPECT_FALSE(CheckUpload("production_photo", name, kJpeg, kDefaultMaxBytes, format));
  EXPECT_EQ(format, "jpeg");
  name = "协议.pdf";
  auto r = CheckUpload("investment_agreement", name, kPng, kDefaultMaxBytes, format);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->field, "file");
  EXPECT_EQ(r->reason, "type_mismatch");
  name = "page.html";
  r = CheckUpload("other", name, "<html></html>", kDefaultMaxBytes, format);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->reason, "unsupported_type");
}

TEST(AttachmentRules, ChecksKindNameSizeInThatOrder) {
  std::string format, name = "a.pdf";
  EXPECT_EQ(CheckUpload("", name, kPdf, 100, format)->field, "kind");
  EXPECT_EQ(CheckUpload("passport", name, kPdf, 100, format)->reason, "invalid_value");
  name = "";
  EXPECT_EQ(CheckUpload("other", name, kPdf, 100, format)->reason, "required");
  name = "no-extension";
  EXPECT_EQ(CheckUpload("other", name, kPdf, 100, format)->reason, "no_extension");
  name = "a.pdf";
  EXPECT_EQ(CheckUpload("other", name, "", 100, format)->reason, "empty");
  EXPECT_EQ(CheckUpload("other", name, kPdf, 10, format)->reason, "too_large");
  EXPECT_FALSE(CheckUpload("other", name, kPdf, static_cast<int64_t>(kPdf.size()), format));
}

TEST(AttachmentRules, CleansTheName) {
  std::string n = "C:\\Users\\张三\\Desktop\\营业执照.pdf";
  ASSERT_TRUE(CleanName(n));
  EXPECT_EQ(n, "营业执照.pdf");
  n = "../../etc/passwd.pdf";
  ASSERT_TRUE(CleanName(n));
  EXPECT_EQ(n, "passwd.pdf");
  n = "协议\u202Efdp.exe";  // a right-to-left override that would show "exe.pdf"
  ASSERT_TRUE(CleanName(n));
  EXPECT_EQ(n, "协议fdp.exe");
  n = std::string("a\0b.pdf", 7);
  EXPECT_FALSE(CleanName(n));
  n = "line\nbreak.pdf";
  EXPECT_FALSE(CleanName(n));
  n = "  ";
  EXPECT_FALSE(CleanName(n));
  n = std::string(300, 'x') + ".pdf";
  ASSERT_TRUE(CleanName(n));
  EXPECT_EQ(n.size(), kMaxNameChars);
  EXPECT_EQ(ExtensionOf(n), "pdf");
  n = std::string(200, '\xE5');  // not UTF-8
  EXPECT_FALSE(CleanName(n));
}

TEST(AttachmentRules, EveryKindHasAChineseNameAndKnownStages) {
  const std::vector<std::string_view> stages = {
      "lead", "in_review", "approved", "negotiating", "signed", "construction", "production"};
  for (const auto& k : Kinds()) {
    EXPECT_FALSE(k.zh.empty()) << k.code;
    for (auto s : k.stages)
      EXPECT_NE(std::find(stages.begin(), stages.end(), s), stages.end()) << k.code << " " << s;
  }
  EXPECT_TRUE(FindKind("other"));
  EXPECT_FALSE(FindKind("Other"));
}

}  // namespace
}  // namespace zhaoshang::attachments
