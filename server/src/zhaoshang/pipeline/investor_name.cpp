#include "zhaoshang/pipeline/investor_name.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace zhaoshang::pipeline {
namespace {

std::string Encode(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Region names that prefix company names; longest first is not needed as each is tried in turn.
const std::vector<std::string_view>& Regions() {
  static const std::vector<std::string_view> k = {
      "中华人民共和国", "中国", "内蒙古", "黑龙江", "北京", "天津", "河北", "山西", "辽宁", "吉林",
      "上海",           "江苏", "浙江",   "安徽",   "福建", "江西", "山东", "河南", "湖北", "湖南",
      "广东",           "广西", "海南",   "重庆",   "四川", "贵州", "云南", "西藏", "陕西", "甘肃",
      "青海",           "宁夏", "新疆",   "香港",   "澳门", "台湾", "深圳", "广州", "杭州", "南京",
      "苏州",           "无锡", "宁波",   "合肥",   "芜湖", "安庆", "武汉", "成都", "西安", "长沙",
      "郑州",           "青岛", "厦门",   "福州",   "济南", "东莞", "佛山", "常州", "南通", "嘉兴",
      "绍兴",           "温州", "马鞍山", "铜陵",   "池州", "滁州", "蚌埠", "淮南", "阜阳", "宿州",
      "六安",           "亳州", "黄山",   "宣城",   "淮北", "昆山", "珠海", "中山"};
  return k;
}
// County-level names are common words too ("太湖", "大观"): stripped only with their suffix.
const std::vector<std::string_view>& Counties() {
  static const std::vector<std::string_view> k = {"宜秀", "大观", "迎江", "怀宁", "桐城",
                                                  "潜山", "太湖", "宿松", "望江", "岳西"};
  return k;
}
const std::vector<std::string_view>& RegionSuffixes() {
  static const std::vector<std::string_view> k = {
      "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区",
      "新区",         "省",         "市",         "区",         "县"};
  return k;
}
const std::vector<std::string_view>& LegalForms() {
  static const std::vector<std::string_view> k = {
      "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司",  "集团",
      "控股",         "股份",         "co.,ltd",  "co.ltd", "coltd", "co.,ltd.",
      "ltd",          "limited",      "inc",      "corp",   "gmbh",  "llc"};
  return k;
}

bool StartsWith(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }
bool EndsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

bool IsNoise(char32_t c) {
  return c == ' ' || c == '\t' || c == '.' || c == ',' || c == '-' || c == '_' || c == '&' ||
         c == U'·' || c == U'、' || c == U'，' || c == U'。' || c == '\'' || c == '"';
}
bool IsOpen(char32_t c) { return c == '(' || c == '[' || c == U'【' || c == U'〔' || c == '{'; }
bool IsClose(char32_t c) { return c == ')' || c == ']' || c == U'】' || c == U'〕' || c == '}'; }

bool IsRegionOrForm(const std::string& s) {
  for (auto r : Regions())
    if (s == r) return true;
  for (auto f : LegalForms())
    if (s == f) return true;
  return false;
}
}  // namespace

std::vector<char32_t> CodePoints(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string NormalizeInvestorName(const std::string& name) {
  // 1. Full-width → half-width, lower-case Latin, drop spaces and punctuation; bracketed parts
  //    that only name a region or legal form ("（中国）", "(集团)") go entirely.
  std::string s, bracket;
  bool in_bracket = false;
  for (char32_t c : CodePoints(name)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == 0x3000) c = ' ';
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if (IsOpen(c)) {
      in_bracket = true;
      bracket.clear();
      continue;
    }
    if (IsClose(c)) {
      if (in_bracket && !IsRegionOrForm(bracket)) s += bracket;
      in_bracket = false;
      continue;
    }
    if (IsNoise(c)) continue;
    (in_bracket ? bracket : s) += Encode(c);
  }
  if (in_bracket) s += bracket;
  const std::string full = s;
  // 2. Trailing legal forms, repeatedly ("集团股份有限公司").
  for (bool again = true; again;) {
    again = false;
    for (auto f : LegalForms())
      if (s.size() > f.size() && EndsWith(s, f)) {
        s.erase(s.size() - f.size());
        again = true;
      }
  }
  // 3. Leading regions with their suffixes, repeatedly ("安徽省安庆市…").
  for (bool again = true; again;) {
    again = false;
    for (auto r : Regions()) {
      if (s.size() <= r.size() || !StartsWith(s, r)) continue;
      std::string rest = s.substr(r.size());
      for (auto suf : RegionSuffixes())
        if (rest.size() > suf.size() && StartsWith(rest, suf)) {
          rest = rest.substr(suf.size());
          break;
        }
      s = rest;
      again = true;
    }
    for (auto r : Counties()) {
      if (!StartsWith(s, r)) continue;
      std::string rest = s.substr(r.size());
      for (auto suf : {std::string_view("区"), std::string_view("县"), std::string_view("市")})
        if (rest.size() > suf.size() && StartsWith(rest, suf)) {
          s = rest.substr(suf.size());
          again = true;
          break;
        }
    }
  }
  return s.empty() ? full : s;
}

std::vector<std::string> Bigrams(const std::string& norm) {
  auto cps = CodePoints(norm);
  std::set<std::string> grams;
  if (cps.size() == 1) grams.insert(Encode(cps[0]));
  for (size_t i = 0; i + 1 < cps.size(); ++i) grams.insert(Encode(cps[i]) + Encode(cps[i + 1]));
  return {grams.begin(), grams.end()};
}

double NameSimilarity(const std::string& a, const std::string& b) {
  if (a == b) return 1.0;
  auto x = CodePoints(a), y = CodePoints(b);
  if (x.empty() || y.empty()) return 0.0;
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  double lev = 1.0 - double(prev[y.size()]) / double(std::max(x.size(), y.size()));
  // Dice over bigrams catches an added word ("申能动力电池" ~ "申能动力电池科技").
  auto ga = Bigrams(a), gb = Bigrams(b);
  size_t common = 0;
  for (const auto& g : ga)
    if (std::binary_search(gb.begin(), gb.end(), g)) ++common;
  double dice =
      ga.empty() || gb.empty() ? 0.0 : 2.0 * double(common) / double(ga.size() + gb.size());
  return std::max(lev, dice);
}

}  // namespace zhaoshang::pipeline
