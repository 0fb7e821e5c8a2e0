#pragma once
// The operating guide (招商指南): stage checklists — what to do in each stage and which evidence
// to collect — with the ticks recorded per project.
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

}  // namespace zhaoshang::guide
