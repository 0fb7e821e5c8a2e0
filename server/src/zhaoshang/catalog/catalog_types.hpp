#pragma once
// Leading industries (首位产业) and their chain nodes (产业链环节).
#include <cstdint>
#include <string>
#include <vector>

namespace zhaoshang::catalog {

struct ChainNode {
  int64_t id = 0, leading_industry_id = 0;
  std::string segment, name;
  std::vector<std::string> codes;
  int64_t version = 1;
};

struct LeadingIndustry {
  int64_t id = 0;
  std::string name, description;
  int64_t version = 1;
  std::vector<ChainNode> nodes;
};

// A chain node's GB/T 4754 codes as stored and audited: "3841;3849" (empty parts dropped).
std::vector<std::string> SplitCodes(const std::string& s);
std::string JoinCodes(const std::vector<std::string>& codes);

}  // namespace zhaoshang::catalog
