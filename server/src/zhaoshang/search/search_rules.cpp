#include "zhaoshang/search/search_rules.hpp"

#include <algorithm>

namespace zhaoshang::search {

namespace {

// One code point of UTF-8 at `i` (the text is valid UTF-8: the edge checked it); `len` its bytes.
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() ? char32_t(static_cast<unsigned char>(s[i + k]) & 0x3f) : 0;
  };
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  if ((b >> 5) == 0x6) {
    *len = std::min<size_t>(2, s.size() - i);
    return (char32_t(b & 0x1f) << 6) | cont(1);
  }
  if ((b >> 4) == 0xe) {
    *len = std::min<size_t>(3, s.size() - i);
    return (char32_t(b & 0x0f) << 12) | (cont(1) << 6) | cont(2);
  }
  *len = std::min<size_t>(4, s.size() - i);
  return (char32_t(b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

bool IsLatin(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters indexed in pairs: CJK ideographs, kana, hangul. Everything else that is not Latin
// (punctuation, symbols, spaces) separates.
bool IsIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF);
}

char Fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Folded(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Fold(c);
  return out;
}

constexpr size_t kMaxWordBytes = 40;

// The tokens of a text in order. A run of ideographs gives its overlapping pairs and then its
// last character alone, so one character is found at the end of a run as well as (by prefix) at
// the start of a pair. A query term's last run is followed by more text in the document, so it
// gives no such last character (`query`). `single_last` tells whether the last token is one
// ideograph from a run of one.
void Tokens(std::string_view text, bool query, std::vector<std::string>* out,
            bool* single_last = nullptr) {
  std::vector<std::string_view> run;  // the ideographs of the current run
  std::string word;
  bool last_single = false;
  auto flush_run = [&](bool at_end) {
    if (run.empty()) return;
    if (run.size() == 1) {
      out->emplace_back(run[0]);
      last_single = true;
    } else {
      for (size_t k = 0; k + 1 < run.size(); ++k)
        out->push_back(std::string(run[k]) + std::string(run[k + 1]));
      if (!(query && at_end)) out->emplace_back(run.back());
      last_single = false;
    }
    run.clear();
  };
  auto flush_word = [&] {
    if (!word.empty()) {
      out->push_back(word.substr(0, kMaxWordBytes));
      last_single = false;
    }
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t c = Decode(text, i, &len);
    if (IsLatin(c)) {
      flush_run(false);
      word += Fold(static_cast<char>(c));
    } else if (IsIdeograph(c)) {
      flush_word();
      run.push_back(text.substr(i, len));
    } else {
      flush_run(false);
      flush_word();
    }
    i += len;
  }
  flush_run(true);
  flush_word();
  if (single_last) *single_last = last_single;
}

size_t Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

// The byte offset `chars` code points before/after `pos`.
size_t Back(std::string_view s, size_t pos, size_t chars) {
  while (pos > 0 && chars > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xc0) == 0x80) --pos;
    --chars;
  }
  return pos;
}
size_t Forward(std::string_view s, size_t pos, size_t chars) {
  while (pos < s.size() && chars > 0) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xc0) == 0x80) ++pos;
    --chars;
  }
  return pos;
}

}  // namespace

std::string Grams(std::string_view text) {
  std::vector<std::string> tokens;
  Tokens(text, false, &tokens);
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::vector<Term> ParseQuery(std::string_view q) {
  std::vector<Term> out;
  size_t i = 0;
  while (i < q.size() && out.size() < kMaxTerms) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
    // An ideographic space (U+3000) separates too.
    size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '\t' && q.substr(j, 3) != "\u3000") ++j;
    if (j > i) {
      Term t;
      t.text = Folded(q.substr(i, j - i));
      bool single_last = false;
      Tokens(t.text, true, &t.tokens, &single_last);
      if (!t.tokens.empty()) {
        const unsigned char last = static_cast<unsigned char>(t.tokens.back().back());
        t.prefix = last < 0x80 || single_last;
        out.push_back(std::move(t));
      }
    }
    i = j;
    if (q.substr(i, 3) == "\u3000") i += 3;
  }
  return out;
}

namespace {
// Where the term's own characters occur: the term as typed, trimmed of the punctuation around it.
std::string Needle(const Term& t) {
  std::string_view s = t.text;
  auto edge = [](std::string_view v, size_t i) {
    size_t len = 1;
    const char32_t c = Decode(v, i, &len);
    return IsLatin(c) || IsIdeograph(c);
  };
  size_t b = 0;
  while (b < s.size() && !edge(s, b)) b = Forward(s, b, 1);
  size_t e = s.size();
  while (e > b) {
    const size_t p = Back(s, e, 1);
    if (edge(s, p)) break;
    e = p;
  }
  return std::string(s.substr(b, e - b));
}
}  // namespace

bool Contains(std::string_view text, const std::vector<Term>& terms) {
  const std::string folded = Folded(text);
  for (const auto& t : terms)
    if (folded.find(Needle(t)) == std::string::npos) return false;
  return !terms.empty();
}

std::vector<Segment> Snippet(std::string_view text, const std::vector<Term>& terms, size_t width) {
  const std::string folded = Folded(text);
  std::vector<std::string> needles;
  for (const auto& t : terms)
    if (auto n = Needle(t); !n.empty()) needles.push_back(std::move(n));
  // Longest first, so 新能源汽车 wins over 汽车 at the same place.
  std::sort(needles.begin(), needles.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  size_t first = std::string::npos;
  for (const auto& n : needles) first = std::min(first, folded.find(n));
  size_t from = 0;
  if (first != std::string::npos && Chars(text) > width &&
      Chars(std::string_view(text).substr(0, first)) > width / 3)
    from = Back(text, first, width / 3);
  const size_t to = Forward(text, from, width);
  std::vector<Segment> out;
  auto plain = [&](size_t b, size_t e) {
    if (e <= b) return;
    std::string s(text.substr(b, e - b));
    std::replace(s.begin(), s.end(), '\n', ' ');
    if (!out.empty() && !out.back().hit)
      out.back().text += s;
    else
      out.push_back({std::move(s), false});
  };
  if (from > 0) out.push_back({"…", false});
  size_t pos = from, done = from;
  while (pos < to) {
    size_t best = std::string::npos, best_len = 0;
    for (const auto& n : needles) {
      const size_t at = folded.find(n, pos);
      if (at != std::string::npos && at < to &&
          (at < best || (at == best && n.size() > best_len))) {
        best = at;
        best_len = n.size();
      }
    }
    if (best == std::string::npos) break;
    plain(done, best);
    out.push_back({std::string(text.substr(best, best_len)), true});
    pos = done = best + best_len;
  }
  plain(done, to);
  if (to < text.size()) {
    if (!out.empty() && !out.back().hit)
      out.back().text += "…";
    else
      out.push_back({"…", false});
  }
  return out;
}

}  // namespace zhaoshang::search
