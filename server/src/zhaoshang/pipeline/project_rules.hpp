#pragma once
// Pure rules of a project's fields: the value lists, the amount limit, 到位资金's cap, and the
// masks applied to what a caller outside the project's scope may see. No SQL, no HTTP.
#include <cstdint>
#include <string>
#include <vector>

#include "zhaoshang/core/error.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"

namespace zhaoshang::pipeline {

const std::vector<std::string>& SourceChannels();
const std::vector<std::string>& ActivityKinds();

// 10^15 yuan: far beyond any project; amounts above it are refused as invalid.
inline constexpr int64_t kMaxAmount = 1'000'000'000'000'000;
// Free-text limits (characters).
inline constexpr size_t kMaxReasonChars = 500;

// 到位资金 is capped by the contracted investment, else the total.
int64_t CapitalCap(const Project& p);
// An edit may not pull the cap below the capital already in place (raise the total, book
// capital, lower the total again) unless the caller may confirm capital over the cap (the
// coordinator): invalid_argument, `field` = below_capital_in_place.
Status CheckCapitalCap(const Project& before, const Project& after, bool may_confirm,
                       const char* field);

std::string MaskName(const std::string& s);   // "张伟" → "张*"
std::string MaskPhone(const std::string& s);  // "13812345678" → "138****5678"
std::string MaskText(const std::string& s);   // keeps the first 2 and last 4 characters

}  // namespace zhaoshang::pipeline
