#pragma once
// Search (检索): one box over the guide's articles, the policy library, the park cards and the
// front line's questions. Each module hands its searchable text to the index when it writes.
#include <cstdint>
#include <string>
#include <vector>

#include "zhaoshang/search/search_rules.hpp"

namespace zhaoshang::search {

// A searchable thing as the index holds it: its kind ("article", "policy", "park" …), its id
// in its own module, a title and a plain body.
struct Doc {
  std::string kind;
  int64_t ref_id = 0;
  std::string title, body;
  int64_t updated_at = 0;
};

struct Hit {
  std::string kind;
  int64_t ref_id = 0;
  std::string title;
  std::vector<Segment> title_segments, snippet;
  int64_t updated_at = 0;
};

}  // namespace zhaoshang::search
