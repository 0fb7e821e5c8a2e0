#include "zhaoshang/review/tally.hpp"

#include <cmath>

namespace zhaoshang::review {

bool ValidRule(const DecisionRule& r) {
  auto ok = [](int num, int den) { return num >= 1 && den >= 1 && num <= den && den <= 10; };
  return ok(r.quorum_num, r.quorum_den) && ok(r.approve_num, r.approve_den);
}

Tally Count(int members, const std::vector<Ballot>& ballots, const DecisionRule& rule) {
  Tally t;
  t.members = members;
  std::map<std::string, int> reasons;
  int score_sum = 0;
  for (const auto& b : ballots) {
    if (b.recused) {
      ++t.recused;
      continue;
    }
    if (b.vote.empty()) continue;
    ++t.voted;
    score_sum += b.weighted;
    if (b.vote == "approve") ++t.approve;
    if (b.vote == "reject") {
      ++t.reject;
      for (const auto& r : b.reason_codes) ++reasons[r];
    }
    if (b.vote == "more_info") ++t.more_info;
  }
  t.eligible = members - t.recused;
  // Integer cross-multiplication: "at least two thirds" without rounding.
  t.quorum_met =
      t.eligible > 0 && t.voted > 0 && t.voted * rule.quorum_den >= rule.quorum_num * t.eligible;
  if (t.voted > 0)
    t.average_score = static_cast<int>(std::lround(static_cast<double>(score_sum) / t.voted));
  int best = 0;
  for (const auto& [code, n] : reasons)
    if (n > best) {
      best = n;
      t.top_reason = code;
    }
  if (t.quorum_met) {
    if (t.approve * rule.approve_den >= rule.approve_num * t.voted)
      t.outcome = "approve";
    else if (t.more_info >= t.reject)
      t.outcome = "more_info";  // a tie asks for information rather than rejecting
    else
      t.outcome = "reject";
  }
  return t;
}

const std::vector<Criterion>& DefaultCriteria() {
  static const std::vector<Criterion> k = {
      {"industry_fit", "产业契合度", "Industry fit", 20},
      {"investment_intensity", "投资强度", "Investment intensity", 15},
      {"tax_per_mu", "亩均税收", "Tax per mu", 15},
      {"technology", "技术先进性", "Technology", 15},
      {"environment_energy", "环保与能耗", "Environment and energy", 15},
      {"investor_credibility", "投资方实力与信誉", "Investor strength and credibility", 10},
      {"land_availability", "要素保障", "Land and factor availability", 10},
  };
  return k;
}

int WeightedScore(const std::vector<Criterion>& criteria,
                  const std::map<std::string, int>& scores) {
  int total = 0, sum = 0;
  for (const auto& c : criteria) {
    total += c.weight;
    if (auto it = scores.find(c.code); it != scores.end()) sum += c.weight * it->second;
  }
  return total > 0 ? static_cast<int>(std::lround(10.0 * sum / total)) : 0;
}

}  // namespace zhaoshang::review
