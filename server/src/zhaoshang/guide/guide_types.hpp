#pragma once
// The operating guide (招商指南): articles (industry profiles, policies explained, techniques …)
// kept in versions, and stage checklists — what to do in each stage and which evidence to
// collect — with the ticks recorded per project.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::guide {

struct ChecklistItem {
  int64_t id = 0;
  std::string stage;  // a pipeline stage code
  int position = 0;
  std::string title, detail;
  std::optional<std::string> evidence_kind;  // an attachment kind the item asks for
  bool required = false;  // leaving the stage forward needs it ticked (a stage guard)
};

struct Tick {
  int64_t item_id = 0;
  int64_t by = 0;
  std::string by_name;
  int64_t at = 0;
  std::string note;
};

// One item of a project's checklist as its reader sees it.
struct ProjectItem {
  ChecklistItem item;
  std::optional<Tick> tick;
  bool evidence_held = false;  // the project holds a file of the item's evidence kind
};

// An article of the guide (Markdown), at its current version.
struct Article {
  int64_t id = 0;
  std::string category;  // kArticleCategories
  std::string title;
  std::string body;  // Markdown
  int64_t owner_unit_id = 0;
  std::string owner_unit_name;
  std::vector<std::string> industry_codes;  // GB/T 4754 codes the article is about
  std::vector<int64_t> chain_node_ids;      // the city's chain nodes it is about
  std::optional<std::string> review_on;     // looked at again by this date
  int version = 1;
  int64_t reads = 0, readers = 0;
  int64_t created_by = 0, updated_by = 0;
  std::string updated_by_name;
  int64_t created_at = 0, updated_at = 0;
};

// One kept version: the whole text as it was, who wrote it and why.
struct ArticleVersion {
  int version = 0;
  std::string title, body, note;
  int64_t by = 0;
  std::string by_name;
  int64_t at = 0;
};

struct ArticleQuery {
  std::string category;  // empty: all
  std::string q;         // in the title
  int64_t owner_unit_id = 0;
  bool review_due = false;  // review_on on or before today
  std::string today;
  int offset = 0, limit = 20;
};

// A question from the front line (一线提问) and its answers.
struct QaAnswer {
  int64_t id = 0, question_id = 0;
  std::string body;  // Markdown
  int64_t by = 0;
  std::string by_name, by_unit_name;
  int64_t at = 0;
};

struct QaQuestion {
  int64_t id = 0;
  std::string topic;  // one of kArticleCategories
  std::string title, body;
  std::optional<int64_t> project_id;
  std::string project_name;  // read
  int64_t asked_by = 0, unit_id = 0;
  std::string asked_by_name, unit_name;  // read
  std::optional<int64_t> article_id;     // promoted into this article
  int answers = 0;
  int64_t created_at = 0, updated_at = 0;
};

struct QaQuery {
  std::string topic;     // empty: all
  std::string status;    // "open" (no answer), "answered", empty: all
  int64_t asked_by = 0;  // 0: anyone
  int offset = 0, limit = 20;
};

}  // namespace zhaoshang::guide
