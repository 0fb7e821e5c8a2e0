#pragma once
// The guide's Markdown (GitHub flavour: tables, strikethrough, task lists) rendered to safe HTML
// on the server. md4c parses; this file writes every tag itself from a fixed list, so nothing an
// author types becomes markup: raw HTML is shown as text (and refused on save), links keep only
// http, https, mailto, in-app paths and anchors, images only in-app paths. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::guide {

struct Heading {
  int level = 1;
  std::string id, text;  // id: "h-1", "h-2" … in document order
};

struct Rendered {
  std::string html;
  std::string plain;               // the text without markup (search, summaries)
  std::vector<Heading> headings;   // the table of contents
  std::vector<std::string> links;  // every link and image target kept, in order
  // What an author must mend before the text is kept: "html_not_allowed" (raw HTML, a script),
  // "unsafe_link" (javascript:, data: … or an entity-hidden scheme), "external_image".
  std::vector<std::string> problems;
};

Rendered RenderMarkdown(std::string_view markdown);

// Whether a link target is one the guide keeps: http(s)://, mailto:, an in-app path ("/…", not
// "//…"), an anchor ("#…") or a relative path without a scheme.
bool IsSafeLink(std::string_view href);

// "&", "<", ">", '"' and "'" escaped for HTML text and attribute values.
std::string EscapeHtml(std::string_view s);

}  // namespace zhaoshang::guide
