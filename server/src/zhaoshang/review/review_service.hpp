#pragma once
// 预审专班: panels, criteria, review rounds with score sheets, votes and recusals, and the
// closing of a round that moves each project by the panel's decision rule.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/matching/fit.hpp"
#include "zhaoshang/pipeline/pipeline_types.hpp"
#include "zhaoshang/review/tally.hpp"

namespace zhaoshang::pipeline {
class WorkflowService;
}
namespace zhaoshang::matching {
class ParkService;
}

namespace zhaoshang::review {

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

class ReviewService {
 public:
  ReviewService(db::Database& db, const Clock& clock, pipeline::WorkflowService& workflow,
                matching::ParkService& parks)
      : db_(db), clock_(clock), workflow_(workflow), parks_(parks) {}

  std::vector<Panel> Panels();
  Result<Panel> CreatePanel(const PanelInput& in, const Actor& actor);
  Result<Panel> UpdatePanel(int64_t id, const PanelInput& in, int64_t version,
                            const Actor& actor);

  std::vector<Criterion> Criteria(int64_t* version = nullptr);
  Status SaveCriteria(const std::vector<Criterion>& criteria, int64_t version,
                      const Actor& actor);

  Result<Round> CreateRound(const auth::Principal& who, int64_t panel_id, const std::string& title,
                            const std::string& deadline, const std::vector<int64_t>& project_ids,
                            const Actor& actor);
  std::vector<RoundSummary> Rounds(const auth::Principal& who, const std::string& status);
  Result<Round> GetRound(const auth::Principal& who, int64_t id);
  Result<Sheet> SaveSheet(const auth::Principal& who, int64_t round_id, int64_t project_id,
                          const SheetInput& in, const Actor& actor);
  Result<Round> Close(const auth::Principal& who, int64_t round_id, const Actor& actor);

 private:
  Result<Round> Load(db::Connection& c, const auth::Principal& who, int64_t id);
  std::vector<Member> PanelMembers(db::Connection& c, int64_t panel_id);
  std::optional<Panel> GetPanel(db::Connection& c, int64_t id);

  db::Database& db_;
  const Clock& clock_;
  pipeline::WorkflowService& workflow_;
  matching::ParkService& parks_;
};

bool IsManager(const auth::Principal& who);
std::vector<Criterion> CriteriaIn(db::Connection& c, int64_t* version);
Status LockOpenRound(db::Connection& c, int64_t round_id);

}  // namespace zhaoshang::review
