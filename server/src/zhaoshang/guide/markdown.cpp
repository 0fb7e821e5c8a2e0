#include "zhaoshang/guide/markdown.hpp"

#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace zhaoshang::guide {

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

bool IsSafeLink(std::string_view href) {
  if (href.empty()) return false;
  for (unsigned char ch : href)
    if (ch < 0x20 || ch == 0x7f || ch == '\\') return false;  // "java\tscript:", "\\evil"
  std::string lower(href.substr(0, std::min<size_t>(href.size(), 10)));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:"))
    return true;
  if (href.starts_with("//")) return false;  // another host, scheme-relative
  if (href.front() == '/' || href.front() == '#') return true;
  // A relative path: no scheme, i.e. no ':' before the first '/', '?' or '#'.
  const size_t colon = href.find(':');
  const size_t stop = href.find_first_of("/?#");
  return colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon);
}

namespace {

bool IsInAppPath(std::string_view src) {
  return src.size() > 1 && src.front() == '/' && src[1] != '/' && IsSafeLink(src);
}

void AddProblem(Rendered& r, const char* p) {
  if (std::find(r.problems.begin(), r.problems.end(), p) == r.problems.end())
    r.problems.emplace_back(p);
}

struct Renderer {
  Rendered out;
  int heading_count = 0;
  int image_depth = 0;  // inside ![alt](…): text goes to the alt attribute
  std::string alt;
  std::vector<bool> link_open;  // per open link: whether an <a> was written
  bool in_heading = false;
  std::string heading_text;
  int heading_level = 0;

  void Html(std::string_view s) {
    if (image_depth == 0) out.html += s;
  }

  // An attribute's text: md4c hands it in pieces (text, entities). An entity in a link target
  // could hide a scheme ("javascript&#58;…"), so a target with any entity but &amp; is unsafe.
  static std::string Attribute(const MD_ATTRIBUTE& a, bool* has_entity) {
    std::string s;
    for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
      const MD_OFFSET b = a.substr_offsets[i], e = a.substr_offsets[i + 1];
      std::string_view piece(a.text + b, e - b);
      switch (a.substr_types[i]) {
        case MD_TEXT_ENTITY:
          if (piece == "&amp;")
            s += '&';
          else
            *has_entity = true;
          break;
        case MD_TEXT_NULLCHAR:
          *has_entity = true;
          break;
        default:
          s += piece;
      }
    }
    return s;
  }

  void Text(std::string_view s) {
    if (image_depth > 0) {
      alt += s;
      return;
    }
    out.html += EscapeHtml(s);
    out.plain += s;
    if (in_heading) heading_text += s;
  }

  int EnterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
        Html("<blockquote>\n");
        break;
      case MD_BLOCK_UL:
        Html("<ul>\n");
        break;
      case MD_BLOCK_OL: {
        const unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
        Html(start == 1 ? std::string("<ol>\n") : "<ol start=\"" + std::to_string(start) + "\">\n");
        break;
      }
      case MD_BLOCK_LI: {
        const auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (li->is_task)
          Html(li->task_mark == ' ' ? "<li class=\"task\">\u2610 "
                                    : "<li class=\"task done\">\u2611 ");
        else
          Html("<li>");
        break;
      }
      case MD_BLOCK_HR:
        Html("<hr>\n");
        break;
      case MD_BLOCK_H: {
        heading_level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        in_heading = true;
        heading_text.clear();
        Html("<h" + std::to_string(heading_level) + " id=\"h-" + std::to_string(++heading_count) +
             "\">");
        break;
      }
      case MD_BLOCK_CODE:
        Html("<pre><code>");
        break;
      case MD_BLOCK_HTML:
        AddProblem(out, "html_not_allowed");
        Html("<pre class=\"raw\">");
        break;
      case MD_BLOCK_P:
        Html("<p>");
        break;
      case MD_BLOCK_TABLE:
        Html("<table>\n");
        break;
      case MD_BLOCK_THEAD:
        Html("<thead>\n");
        break;
      case MD_BLOCK_TBODY:
        Html("<tbody>\n");
        break;
      case MD_BLOCK_TR:
        Html("<tr>");
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: {
        const char* tag = type == MD_BLOCK_TH ? "th" : "td";
        switch (static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) {
          case MD_ALIGN_CENTER:
            Html(std::string("<") + tag + " class=\"center\">");
            break;
          case MD_ALIGN_RIGHT:
            Html(std::string("<") + tag + " class=\"right\">");
            break;
          default:
            Html(std::string("<") + tag + ">");
        }
        break;
      }
    }
    return 0;
  }

  int LeaveBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
        Html("</blockquote>\n");
        break;
      case MD_BLOCK_UL:
        Html("</ul>\n");
        break;
      case MD_BLOCK_OL:
        Html("</ol>\n");
        break;
      case MD_BLOCK_LI:
        Html("</li>\n");
        out.plain += '\n';
        break;
      case MD_BLOCK_HR:
        break;
      case MD_BLOCK_H:
        Html("</h" + std::to_string(heading_level) + ">\n");
        out.headings.push_back({heading_level, "h-" + std::to_string(heading_count), heading_text});
        in_heading = false;
        out.plain += '\n';
        break;
      case MD_BLOCK_CODE:
        Html("</code></pre>\n");
        out.plain += '\n';
        break;
      case MD_BLOCK_HTML:
        Html("</pre>\n");
        break;
      case MD_BLOCK_P:
        Html("</p>\n");
        out.plain += '\n';
        break;
      case MD_BLOCK_TABLE:
        Html("</table>\n");
        break;
      case MD_BLOCK_THEAD:
        Html("</thead>\n");
        break;
      case MD_BLOCK_TBODY:
        Html("</tbody>\n");
        break;
      case MD_BLOCK_TR:
        Html("</tr>\n");
        out.plain += '\n';
        break;
      case MD_BLOCK_TH:
        Html("</th>");
        out.plain += ' ';
        break;
      case MD_BLOCK_TD:
        Html("</td>");
        out.plain += ' ';
        break;
    }
    (void)detail;
    return 0;
  }

  int EnterSpan(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM:
        Html("<em>");
        break;
      case MD_SPAN_STRONG:
        Html("<strong>");
        break;
      case MD_SPAN_U:
        Html("<u>");
        break;
      case MD_SPAN_DEL:
        Html("<del>");
        break;
      case MD_SPAN_CODE:
        Html("<code>");
        break;
      case MD_SPAN_A: {
        bool entity = false;
        std::string href = Attribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href, &entity);
        const bool ok = !entity && IsSafeLink(href);
        if (!ok) AddProblem(out, "unsafe_link");
        link_open.push_back(ok && image_depth == 0);
        if (ok) {
          out.links.push_back(href);
          const bool external = !(href.front() == '/' || href.front() == '#');
          Html("<a href=\"" + EscapeHtml(href) + "\"" +
               (external ? " rel=\"noopener noreferrer nofollow\" target=\"_blank\"" : "") + ">");
        }
        break;
      }
      case MD_SPAN_IMG: {
        if (image_depth++ > 0) break;  // an image inside an image's alt text: its text only
        bool entity = false;
        std::string src = Attribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src, &entity);
        alt.clear();
        img_src.clear();
        if (entity || !IsSafeLink(src)) {
          AddProblem(out, "unsafe_link");
        } else if (!IsInAppPath(src)) {
          AddProblem(out, "external_image");
        } else {
          out.links.push_back(src);
          img_src = std::move(src);
        }
        break;
      }
      default:
        break;
    }
    return 0;
  }

  int LeaveSpan(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM:
        Html("</em>");
        break;
      case MD_SPAN_STRONG:
        Html("</strong>");
        break;
      case MD_SPAN_U:
        Html("</u>");
        break;
      case MD_SPAN_DEL:
        Html("</del>");
        break;
      case MD_SPAN_CODE:
        Html("</code>");
        break;
      case MD_SPAN_A:
        if (!link_open.empty()) {
          if (link_open.back()) Html("</a>");
          link_open.pop_back();
        }
        break;
      case MD_SPAN_IMG:
        if (--image_depth == 0) {
          if (!img_src.empty())
            out.html += "<img src=\"" + EscapeHtml(img_src) + "\" alt=\"" + EscapeHtml(alt) +
                        "\" loading=\"lazy\">";
          else
            out.html += EscapeHtml(alt);
          out.plain += alt;
        }
        break;
      default:
        break;
    }
    (void)detail;
    return 0;
  }

  std::string img_src;  // the image being read, when its source is kept
};

}  // namespace

Rendered RenderMarkdown(std::string_view markdown) {
  Renderer r;
  MD_PARSER p{};
  p.abi_version = 0;
  p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |
            MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_NOINDENTEDCODEBLOCKS;
  p.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return static_cast<Renderer*>(u)->EnterBlock(t, d);
  };
  p.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return static_cast<Renderer*>(u)->LeaveBlock(t, d);
  };
  p.enter_span = [](MD_SPANTYPE t, void* d, void* u) {
    return static_cast<Renderer*>(u)->EnterSpan(t, d);
  };
  p.leave_span = [](MD_SPANTYPE t, void* d, void* u) {
    return static_cast<Renderer*>(u)->LeaveSpan(t, d);
  };
  p.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) {
    auto* self = static_cast<Renderer*>(u);
    std::string_view v(s, n);
    switch (t) {
      case MD_TEXT_NULLCHAR:
        self->Text("\uFFFD");
        break;
      case MD_TEXT_BR:
        self->Html("<br>\n");
        self->out.plain += '\n';
        break;
      case MD_TEXT_SOFTBR:
        self->Text("\n");
        break;
      case MD_TEXT_ENTITY:
        // Shown as typed ("&copy;" stays those six characters): no entity reaches the page.
        self->Text(v);
        break;
      case MD_TEXT_HTML:
        AddProblem(self->out, "html_not_allowed");
        self->Text(v);
        break;
      default:
        self->Text(v);
    }
    return 0;
  };
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &p, &r);
  return std::move(r.out);
}

}  // namespace zhaoshang::guide
