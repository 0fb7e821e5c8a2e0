#pragma once
// 预审专班 types: panels and their members, review rounds, score sheets and items.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhaoshang/matching/fit.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/review/tally.hpp"

namespace zhaoshang::review {

// The reason code of a project the pre-review panel approved (its reason text is the round's
// title); a rejection carries the panel's top reason code, a return need_clarification.
inline constexpr std::string_view kPanelApproved = "panel_approved";
// The most projects one round's agenda holds (a sitting's worth).
inline constexpr size_t kMaxRoundItems = 50;

struct Member {
  int64_t user_id = 0;
  std::string user_name, unit_name, category;  // park | factor_department | academic | enterprise
};

struct Panel {
  int64_t id = 0;
  std::string name;
  bool active = true;
  DecisionRule rule;
  std::vector<Member> members;
  int64_t version = 1;
};

struct Sheet {
  int64_t member_id = 0;
  std::string member_name, category;
  bool recused = false;
  std::map<std::string, int> scores;
  int weighted = 0;
  std::string vote;
  std::vector<std::string> reason_codes;
  std::string questions, comment;
  int64_t updated_at = 0;
};

struct Item {
  int64_t project_id = 0;
  pipeline::Project project;
  std::vector<Sheet> sheets;
  Tally tally;
  std::optional<std::string> outcome;
  std::string decision_json;  // "" until decided
  std::vector<matching::Fit> top_matches;
  std::map<std::string, std::optional<int>> prefill;
};

struct RoundSummary {
  int64_t id = 0, panel_id = 0;
  std::string panel_name, title, deadline, status;
  int64_t items_count = 0, my_pending = 0, created_at = 0;
  std::optional<int64_t> closed_at;
};

struct Round {
  RoundSummary summary;
  DecisionRule rule;
  std::vector<Criterion> criteria;
  std::vector<Member> members;
  std::map<int64_t, std::vector<int64_t>> recused_on;  // member → projects
  bool is_manager = false, is_member = false;
  bool sees_all = false;  // manager or leader: every sheet and count, even while open
  std::vector<Item> items;
  int64_t version = 1;
};

struct PanelInput {
  std::optional<std::string> name;
  std::optional<bool> active;
  std::optional<std::vector<std::pair<int64_t, std::string>>> members;  // user, category
  std::optional<int> quorum_num, quorum_den, approve_num, approve_den;
};

struct SheetInput {
  bool recused = false;
  std::map<std::string, int> scores;
  std::string vote;
  std::vector<std::string> reason_codes;
  std::string questions, comment;
};

}  // namespace zhaoshang::review
