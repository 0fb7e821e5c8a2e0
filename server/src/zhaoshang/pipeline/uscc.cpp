#include "zhaoshang/pipeline/uscc.hpp"

#include <cctype>
#include <string_view>

namespace zhaoshang::pipeline {
namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int ValueOf(char c) {
  auto p = kAlphabet.find(c);
  return p == std::string_view::npos ? -1 : static_cast<int>(p);
}
}  // namespace

std::string NormalizeUscc(const std::string& code) {
  std::string out;
  for (unsigned char c : code)
    if (!std::isspace(c)) out += static_cast<char>(std::toupper(c));
  return out;
}

char UsccCheckCharacter(const std::string& first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = ValueOf(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  int check = 31 - sum % 31;
  return kAlphabet[check == 31 ? 0 : check];
}

UsccCheck CheckUscc(const std::string& code) {
  if (code.size() != 18) return UsccCheck::kInvalidFormat;
  for (char c : code)
    if (ValueOf(c) < 0) return UsccCheck::kInvalidFormat;
  // Positions 3–8 are the administrative division code: digits only.
  for (size_t i = 2; i < 8; ++i)
    if (!std::isdigit(static_cast<unsigned char>(code[i]))) return UsccCheck::kInvalidFormat;
  return UsccCheckCharacter(code.substr(0, 17)) == code[17] ? UsccCheck::kValid
                                                            : UsccCheck::kBadCheckCharacter;
}

}  // namespace zhaoshang::pipeline
