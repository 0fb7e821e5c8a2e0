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
#include "zhaoshang/org/org_types.hpp"
#include "zhaoshang/review/review_types.hpp"

namespace zhaoshang::pipeline {
class WorkflowService;
}
namespace zhaoshang::matching {
class ParkService;
}

namespace zhaoshang::review {

class ReviewService {
 public:
  ReviewService(db::Database& db, const Clock& clock, pipeline::WorkflowService& workflow,
                matching::ParkService& parks)
      : db_(db), clock_(clock), workflow_(workflow), parks_(parks) {}

  std::vector<Panel> Panels();
  Result<Panel> CreatePanel(const PanelInput& in, const Actor& actor);
  Result<Panel> UpdatePanel(int64_t id, const PanelInput& in, int64_t version, const Actor& actor);
  // The active accounts a panel may take (MayJoinPanel, the rule a save checks) whose login or
  // name contains q, by id, at most `limit`.
  std::vector<org::User> EligibleMembers(const std::string& q, int64_t limit);

  std::vector<Criterion> Criteria(int64_t* version = nullptr);
  Status SaveCriteria(const std::vector<Criterion>& criteria, int64_t version, const Actor& actor);

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

  db::Database& db_;
  const Clock& clock_;
  pipeline::WorkflowService& workflow_;
  matching::ParkService& parks_;
};

bool IsManager(const auth::Principal& who);
std::vector<Criterion> CriteriaIn(db::Connection& c, int64_t* version);
Status LockOpenRound(db::Connection& c, int64_t round_id);

}  // namespace zhaoshang::review
