#pragma once
// The pre-review panel's decision rule (预审专班议事规则): quorum among members who did not
// recuse, then the share of approvals among the votes. Pure rules: no SQL, no HTTP.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::review {

// Fractions num/den (1 ≤ num ≤ den ≤ 10), default two thirds each.
struct DecisionRule {
  int quorum_num = 2, quorum_den = 3, approve_num = 2, approve_den = 3;
};

// One member's sheet on one project: recused, or a vote (approve | reject | more_info), or
// nothing yet (no sheet).
struct Ballot {
  bool recused = false;
  std::string vote;
  std::vector<std::string> reason_codes;
  int weighted = 0;  // the member's weighted score 0–100
};

struct Tally {
  int members = 0, recused = 0, eligible = 0, voted = 0, approve = 0, reject = 0, more_info = 0;
  bool quorum_met = false;
  std::optional<std::string> outcome;     // set when the quorum is met
  std::optional<int> average_score;       // over the votes
  std::optional<std::string> top_reason;  // most frequent reject reason (ties: alphabetical)
};

bool ValidRule(const DecisionRule& r);
// members: the panel's size; ballots: the sheets handed in (recused or voted).
Tally Count(int members, const std::vector<Ballot>& ballots, const DecisionRule& rule);

struct Criterion {
  std::string code, name_zh, name_en;
  int weight = 0;
};
const std::vector<Criterion>& DefaultCriteria();
// Σ weight × score (0–10) scaled to 0–100; criteria without a score count as 0.
int WeightedScore(const std::vector<Criterion>& criteria, const std::map<std::string, int>& scores);

}  // namespace zhaoshang::review
