#pragma once
// Company-name normalisation and similarity for the collision check (撞单).
#include <string>
#include <vector>

namespace zhaoshang::pipeline {

// Full-width → half-width, brackets and spaces removed, Latin lower-cased, leading region
// names (省/市/区/县 names, 中国) and trailing legal forms (有限公司, 股份有限公司, 集团, …)
// stripped. "上海申能动力电池股份有限公司" → "申能动力电池"; "ＡＢＣ（中国）有限公司" → "abc".
std::string NormalizeInvestorName(const std::string& name);

// Code points of a UTF-8 string.
std::vector<char32_t> CodePoints(const std::string& s);
// Distinct character bigrams of a normalised name (single character names give one gram).
std::vector<std::string> Bigrams(const std::string& norm);
// 1 − Levenshtein distance / longer length, on code points; 1.0 for equal names.
double NameSimilarity(const std::string& norm_a, const std::string& norm_b);
// Two investor names this similar are a collision (撞单) to show before reporting.
inline constexpr double kCollisionThreshold = 0.8;

}  // namespace zhaoshang::pipeline
