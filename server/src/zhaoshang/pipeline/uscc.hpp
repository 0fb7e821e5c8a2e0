#pragma once
// 统一社会信用代码 (GB 32100-2015): 18 characters from "0-9 A-H J-N P-R T U W-Y", the last a
// check character over the first 17 with weights 3^i mod 31.
#include <string>

namespace zhaoshang::pipeline {

enum class UsccCheck { kValid, kInvalidFormat, kBadCheckCharacter };

UsccCheck CheckUscc(const std::string& code);
// Upper-cases and strips spaces (people paste "9134 0800 …").
std::string NormalizeUscc(const std::string& code);
// The check character for 17 characters (for tests and generators); '\0' if invalid input.
char UsccCheckCharacter(const std::string& first17);

}  // namespace zhaoshang::pipeline
