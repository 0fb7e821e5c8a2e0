#pragma once
// Chinese full-text search, pure: the text an index holds and the query it is asked.
//
// Chinese has no spaces between words, and the words that matter are often two characters
// (招商, 土地, 电价). Text is indexed as overlapping character pairs and each run's last character
// (新能源汽车 → 新能 能源 源汽 汽车 车), Latin or digit runs as lower-case words; a query term
// becomes the phrase of its pairs, so any term of two characters or more is found through the index
// on both engines (SQLite FTS5, PostgreSQL tsvector with GIN) — trigram indexes cannot find a
// two-character word. One character is the prefix of the pairs it starts, or a run's last
// character (still through the index). Candidates are checked against the text itself, which
// also gives the highlighted snippet. No SQL, no HTTP.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::search {

// The index tokens of a text, space separated.
std::string Grams(std::string_view text);

struct Term {
  std::string text;                 // as the reader typed it (Latin lower-cased)
  std::vector<std::string> tokens;  // the term's index tokens, in order (a phrase)
  // The last token matches as a prefix: a Latin word (ev → evtol), or one ideograph (园 → 园区).
  bool prefix = false;
};

inline constexpr size_t kMaxQueryChars = 50, kMaxTerms = 5;

// The terms of a query (split on spaces, at most kMaxTerms; empty when nothing searchable).
std::vector<Term> ParseQuery(std::string_view q);

// Whether every term occurs in the text (Latin case ignored).
bool Contains(std::string_view text, const std::vector<Term>& terms);

struct Segment {
  std::string text;
  bool hit = false;
};

// The part of `text` around the first hit, at most about `width` characters, cut into plain and
// hit segments (every occurrence of every term inside the window marked). With no hit: the
// start of the text. "…" marks a cut.
std::vector<Segment> Snippet(std::string_view text, const std::vector<Term>& terms,
                             size_t width = 120);

}  // namespace zhaoshang::search
